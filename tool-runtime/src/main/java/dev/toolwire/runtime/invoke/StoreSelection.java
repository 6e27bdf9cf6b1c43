package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.store.RetryMemory;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Internal;
import java.util.Locale;

/**
 * Checks {@code toolwire.store} when the application starts: {@code memory} (the default) or
 * {@code redis}, and {@code redis} only with a Redis store on the class path. A misspelt store, or
 * Redis asked for without the module, would otherwise leave every replica on its own memory while
 * its operators believe the state is shared.
 */
@Context
@Internal
final class StoreSelection {

    /** The property that chooses the store, {@value}. */
    public static final String PROPERTY = "toolwire.store";

    StoreSelection(@Value("${" + PROPERTY + ":memory}") String store, RetryMemory retryMemory) {
        String chosen = store.trim().toLowerCase(Locale.ROOT);
        switch (chosen) {
            case "memory" -> { }
            case "redis" -> {
                if (retryMemory instanceof DeduplicationCache) {
                    throw new ConfigurationException(PROPERTY + "=redis needs the tool-redis module on the class path"
                            + " (dependency dev.toolwire:tool-redis) and redis.uri set.");
                }
            }
            default -> throw new ConfigurationException(PROPERTY + " must be 'memory' or 'redis', not '" + store + "'.");
        }
    }
}
