package dev.toolwire.runtime.http;

import dev.toolwire.runtime.RateLimitConfiguration;
import dev.toolwire.runtime.invoke.RetryLaterException;
import dev.toolwire.runtime.invoke.ToolFailures;
import dev.toolwire.runtime.store.MemoryRateCounter;
import dev.toolwire.runtime.store.RateCounter;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts calls per credential in fixed one-minute windows ({@code toolwire.rate-limit.*}) through the
 * {@link RateCounter} of the configured store: this process's memory, or Redis for every replica.
 * While a shared counter is out of reach, calls are counted in this process's memory instead (so
 * each replica enforces the limit on its own share) and a warning is logged at most once a minute:
 * a rate limit that refused every call while Redis is down would take the whole service with it.
 */
@Singleton
@Internal
public final class CallerRateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(CallerRateLimiter.class);
    private static final int WINDOW_SECONDS = 60;

    /**
     * The verdict on one call.
     *
     * @param allowed whether the call may go ahead
     * @param limit calls allowed per window
     * @param remaining calls left in this window after this one
     * @param resetEpochSeconds when the window ends, in epoch seconds
     * @param retryAfterSeconds seconds until the window ends, at least 1
     */
    public record Decision(boolean allowed, int limit, int remaining, long resetEpochSeconds, long retryAfterSeconds) {

        /**
         * What a caller over its budget hears, whatever the transport: {@code 429 RATE_LIMITED} with
         * the seconds until the window ends.
         *
         * @return the refusal
         */
        public RetryLaterException refusal() {
            return RetryLaterException.rateLimited(ToolFailures.RATE_LIMITED_MESSAGE,
                    (int) Math.min(Integer.MAX_VALUE, retryAfterSeconds));
        }
    }

    private static final CompletableFuture<Optional<Decision>> OFF = CompletableFuture.completedFuture(Optional.empty());

    private final boolean enabled;
    private final int limit;
    private final RateCounter counter;
    private final MemoryRateCounter fallback;
    private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE);

    @Inject
    CallerRateLimiter(RateLimitConfiguration config, RateCounter counter) {
        this.enabled = config.enabled();
        this.limit = Math.max(1, config.requestsPerMinute());
        this.counter = counter;
        this.fallback = counter instanceof MemoryRateCounter memory ? memory : new MemoryRateCounter(config.maxTrackedCallers());
    }

    CallerRateLimiter(RateLimitConfiguration config) {
        this(config, new MemoryRateCounter(config.maxTrackedCallers()));
    }

    /**
     * Whether calls are counted at all, so a caller's key need not be worked out when they are not.
     *
     * @return {@code toolwire.rate-limit.enabled}
     */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Counts a call made now; the clock is read only when limiting is on.
     *
     * @param key the credential
     * @return the verdict, or empty when rate limiting is off; never completes exceptionally
     */
    public CompletableFuture<Optional<Decision>> acquire(String key) {
        return enabled ? acquire(key, Instant.now()) : OFF;
    }

    /**
     * Counts a call.
     *
     * @param key the credential
     * @param now the time of the call
     * @return the verdict, or empty when rate limiting is off; never completes exceptionally
     */
    CompletableFuture<Optional<Decision>> acquire(String key, Instant now) {
        if (!enabled) {
            return OFF;
        }
        long second = now.getEpochSecond();
        long start = second - Math.floorMod(second, WINDOW_SECONDS);
        CompletableFuture<Long> counted;
        try {
            counted = counter.increment(key, start, WINDOW_SECONDS);
        } catch (RuntimeException e) {
            counted = CompletableFuture.failedFuture(e);
        }
        return counted.exceptionally(failure -> countHere(key, start, failure))
                .thenApply(count -> Optional.of(decide(count, start, second)));
    }

    private long countHere(String key, long start, Throwable failure) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if ((last == Long.MIN_VALUE || now - last > 60_000_000_000L) && lastWarning.compareAndSet(last, now)) {
            LOG.warn("The shared rate-limit counter is out of reach ({}); calls are counted by this replica alone"
                    + " until it is back", failure.getMessage());
        }
        return fallback.count(key, start, WINDOW_SECONDS);
    }

    private Decision decide(long count, long start, long second) {
        long reset = start + WINDOW_SECONDS;
        int remaining = (int) Math.max(0, Math.min(Integer.MAX_VALUE, limit - count));
        return new Decision(count <= limit, limit, remaining, reset, Math.max(1, reset - second));
    }
}
