package dev.toolwire.runtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Application-wide settings ({@code toolwire.*}).
 *
 * @param publicUrl {@code toolwire.public-url}: where Hamsa reaches this server, e.g.
 *     {@code https://tools.example.com}; tool paths are appended to it. Unset by default, in which
 *     case {@code http://localhost:<micronaut.server.port, else 8080>} is used.
 */
@ConfigurationProperties(ToolwireConfiguration.PREFIX)
public record ToolwireConfiguration(@Nullable URI publicUrl) {

    /** The property prefix, {@value}. */
    public static final String PREFIX = "toolwire";
}
