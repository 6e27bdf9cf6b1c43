package dev.toolwire.runtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the tool registry treats a tool it cannot assemble ({@code toolwire.registry.*}).
 *
 * @param failOnUnjoined {@code toolwire.registry.fail-on-unjoined}: whether a descriptor that cannot
 *     be joined with a bean method (or a {@code @Tool} method without a descriptor) stops the start.
 *     Default {@code true}. With {@code false} the application starts without that tool, logs an
 *     ERROR naming it, and {@code /health} reports DOWN with the tool in its details.
 */
@ConfigurationProperties(RegistryConfiguration.PREFIX)
public record RegistryConfiguration(@Bindable(defaultValue = "true") boolean failOnUnjoined) {

    /** The property prefix, {@value}. */
    public static final String PREFIX = "toolwire.registry";
}
