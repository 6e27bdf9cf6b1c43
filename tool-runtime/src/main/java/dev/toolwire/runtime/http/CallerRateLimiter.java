package dev.toolwire.runtime.http;

import dev.toolwire.runtime.RateLimitConfiguration;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts calls per credential in fixed one-minute windows ({@code toolwire.rate-limit.*}). The
 * table is bounded: past {@code max-tracked-callers}, the caller idle the longest is forgotten.
 */
@Singleton
@Internal
public final class CallerRateLimiter {

    private static final long WINDOW_SECONDS = 60;

    /**
     * The verdict on one call.
     *
     * @param allowed whether the call may go ahead
     * @param limit calls allowed per window
     * @param remaining calls left in this window after this one
     * @param resetEpochSeconds when the window ends, in epoch seconds
     * @param retryAfterSeconds seconds until the window ends, at least 1
     */
    record Decision(boolean allowed, int limit, int remaining, long resetEpochSeconds, long retryAfterSeconds) {}

    private static final class Window {
        long start;
        int count;
    }

    private final boolean enabled;
    private final int limit;
    private final Map<String, Window> windows;

    CallerRateLimiter(RateLimitConfiguration config) {
        this.enabled = config.enabled();
        this.limit = Math.max(1, config.requestsPerMinute());
        int capacity = Math.max(1, config.maxTrackedCallers());
        this.windows = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Whether calls are counted at all, so a caller's key need not be worked out when they are not.
     *
     * @return {@code toolwire.rate-limit.enabled}
     */
    boolean enabled() {
        return enabled;
    }

    /**
     * Counts a call made now; the clock is read only when limiting is on.
     *
     * @param key the credential
     * @return the verdict, or empty when rate limiting is off
     */
    Optional<Decision> acquire(String key) {
        return enabled ? acquire(key, Instant.now()) : Optional.empty();
    }

    /**
     * Counts a call.
     *
     * @param key the credential
     * @param now the time of the call
     * @return the verdict, or empty when rate limiting is off
     */
    Optional<Decision> acquire(String key, Instant now) {
        if (!enabled) {
            return Optional.empty();
        }
        long second = now.getEpochSecond();
        long start = second - Math.floorMod(second, WINDOW_SECONDS);
        int count;
        synchronized (windows) {
            Window window = windows.computeIfAbsent(key, k -> new Window());
            if (window.start != start) {
                window.start = start;
                window.count = 0;
            }
            count = window.count < Integer.MAX_VALUE ? ++window.count : window.count;
        }
        long reset = start + WINDOW_SECONDS;
        return Optional.of(new Decision(count <= limit, limit, Math.max(0, limit - count), reset, Math.max(1, reset - second)));
    }
}
