package dev.toolwire.runtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The access log ({@code toolwire.access-log.*}): one line per tool call at INFO on the logger
 * {@code dev.toolwire.access}. Argument values are replaced by {@code ***} unless listed here; the
 * credential and the request headers are never logged.
 *
 * @param enabled {@code toolwire.access-log.enabled}: whether a line is written per call. Default
 *     {@code true}; the logger's level can also silence it.
 * @param loggedArguments {@code toolwire.access-log.logged-arguments}: the arguments whose values may
 *     be logged, each as {@code tool_name.argument_name} (for example
 *     {@code lookup_order.order_id}). Default empty: every value is redacted.
 */
@ConfigurationProperties(AccessLogConfiguration.PREFIX)
public record AccessLogConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Nullable List<String> loggedArguments) {

    /** The property prefix, {@value}. */
    public static final String PREFIX = "toolwire.access-log";

    /**
     * Normalises an absent list to an empty one.
     *
     * @param enabled whether a line is written per call
     * @param loggedArguments the arguments whose values may be logged, or {@code null} for none
     */
    public AccessLogConfiguration {
        loggedArguments = loggedArguments == null ? List.of() : List.copyOf(loggedArguments);
    }
}
