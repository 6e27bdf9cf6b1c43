package dev.toolwire.runtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * Who may read Micronaut's management endpoints ({@code toolwire.management.*}): metrics, loggers and
 * the like tell an outsider what the tools are and how busy they are, and a Prometheus scrape is
 * costly. The health endpoint is not affected.
 *
 * @param tokens {@code toolwire.management.tokens}: bearer credentials that open the management
 *     endpoints to a caller from anywhere ({@code Authorization: Bearer <token>}; a list, so they can
 *     rotate; compared in constant time). Empty by default: only requests made on this machine (loopback,
 *     nothing forwarded) are answered.
 * @param open {@code toolwire.management.open}: answer everyone, as Micronaut alone would (its sensitive
 *     endpoints stay refused). For a management port ({@code endpoints.all.port}) only your scraper can
 *     reach. Default {@code false}.
 */
@ConfigurationProperties(ManagementConfiguration.PREFIX)
public record ManagementConfiguration(@Bindable(defaultValue = "") List<String> tokens,
        @Bindable(defaultValue = "false") boolean open) {

    /** The property prefix, {@value}. */
    public static final String PREFIX = "toolwire.management";

    /** Masks the tokens. */
    @Override
    public String toString() {
        return "ManagementConfiguration[tokens=" + tokens.size() + " x ****, open=" + open + "]";
    }
}
