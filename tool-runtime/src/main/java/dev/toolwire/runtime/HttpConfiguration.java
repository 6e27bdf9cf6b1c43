package dev.toolwire.runtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How tools are served over HTTP ({@code toolwire.http.*}).
 *
 * @param maxBodyBytes {@code toolwire.http.max-body-bytes}: the largest request body a tool accepts,
 *     in bytes; a larger one is answered with {@code 413 PAYLOAD_TOO_LARGE}. Default {@code 65536}.
 */
@ConfigurationProperties(HttpConfiguration.PREFIX)
public record HttpConfiguration(@Bindable(defaultValue = "65536") int maxBodyBytes) {

    /** The property prefix, {@value}. */
    public static final String PREFIX = "toolwire.http";
}
