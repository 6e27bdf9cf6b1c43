package dev.toolwire.runtime.store;

import java.util.concurrent.CompletableFuture;

/**
 * Counts calls per credential in fixed windows, for the rate limit ({@code toolwire.rate-limit.*}).
 * The in-memory default counts this process's calls; the Redis one counts every replica's in one
 * atomic round trip per call.
 */
public interface RateCounter {

    /**
     * Adds one call to a credential's count in a window.
     *
     * @param key the credential's rate-limit key (a fingerprint, never a secret)
     * @param windowStart the window's first second, in epoch seconds
     * @param windowSeconds the window's length
     * @return the count in that window, this call included; completes exceptionally when the
     *     count cannot be kept (the limiter then counts in memory)
     */
    CompletableFuture<Long> increment(String key, long windowStart, int windowSeconds);
}
