package dev.toolwire.runtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import org.jspecify.annotations.Nullable;

/**
 * How tools are published to the Hamsa platform ({@code toolwire.hamsa.*}).
 *
 * @param collectionId {@code toolwire.hamsa.collection-id}: the Hamsa collection to file the tools
 *     in, sent as {@code collectionId}. Unset by default: tools are filed in no collection.
 */
@ConfigurationProperties(HamsaConfiguration.PREFIX)
public record HamsaConfiguration(@Nullable String collectionId) {

    /** The property prefix, {@value}. */
    public static final String PREFIX = "toolwire.hamsa";
}
