package dev.toolwire.runtime.store;

import dev.toolwire.runtime.RateLimitConfiguration;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;

/**
 * The in-memory {@link RateCounter}: this process's calls only. The table is bounded by
 * {@code toolwire.rate-limit.max-tracked-callers}: past it, the credential idle the longest is
 * forgotten. A shared counter takes its place with {@code toolwire.store=redis}; it then still
 * counts while that one is out of reach.
 */
@Singleton
@Secondary
@Internal
public final class MemoryRateCounter implements RateCounter {

    private final ExpiringMap<String, Long> windows;

    /**
     * Creates the counter.
     *
     * @param config {@code toolwire.rate-limit.*}, for the table's bound
     */
    @Inject
    public MemoryRateCounter(RateLimitConfiguration config) {
        this(config.maxTrackedCallers());
    }

    /**
     * Creates a counter tracking at most some credentials.
     *
     * @param maxTrackedCallers the bound of the table
     */
    public MemoryRateCounter(int maxTrackedCallers) {
        this.windows = new ExpiringMap<>(maxTrackedCallers);
    }

    @Override
    public CompletableFuture<Long> increment(String key, long windowStart, int windowSeconds) {
        return CompletableFuture.completedFuture(count(key, windowStart, windowSeconds));
    }

    /**
     * Adds one call without a future, for the limiter's own fallback.
     *
     * @param key the credential
     * @param windowStart the window's first second
     * @param windowSeconds the window's length
     * @return the count in that window, this call included
     */
    public long count(String key, long windowStart, int windowSeconds) {
        long startMillis = windowStart * 1000;
        // Read as of the window's start: a count of the window before has ended by then and reads as none.
        return windows.update(key, startMillis, startMillis + windowSeconds * 1000L,
                count -> count == null ? 1L : count < Long.MAX_VALUE ? count + 1 : count);
    }
}
