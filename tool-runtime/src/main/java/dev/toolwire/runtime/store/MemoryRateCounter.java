package dev.toolwire.runtime.store;

import dev.toolwire.runtime.RateLimitConfiguration;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private static final class Window {
        long start;
        long count;
    }

    private final Map<String, Window> windows;

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
        int capacity = Math.max(1, maxTrackedCallers);
        this.windows = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public CompletableFuture<Long> increment(String key, long windowStart, int windowSeconds) {
        return CompletableFuture.completedFuture(count(key, windowStart));
    }

    /**
     * Adds one call without a future, for the limiter's own fallback.
     *
     * @param key the credential
     * @param windowStart the window's first second
     * @return the count in that window, this call included
     */
    public long count(String key, long windowStart) {
        synchronized (windows) {
            Window window = windows.computeIfAbsent(key, k -> new Window());
            if (window.start != windowStart) {
                window.start = windowStart;
                window.count = 0;
            }
            return window.count < Long.MAX_VALUE ? ++window.count : window.count;
        }
    }
}
