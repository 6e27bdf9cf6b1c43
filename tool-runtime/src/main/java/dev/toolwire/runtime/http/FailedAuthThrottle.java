package dev.toolwire.runtime.http;

import dev.toolwire.runtime.AuthConfiguration;
import dev.toolwire.runtime.store.ExpiringMap;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.OptionalLong;

/**
 * Counts refused credentials per client address in fixed one-minute windows
 * ({@code toolwire.auth.failed-attempts-per-minute}): an address past the limit is refused outright
 * until its window ends, so a key cannot be guessed by trying. Other addresses are not affected. The
 * table is bounded (the address idle the longest is forgotten), and a call is only looked up while
 * some address has failed recently, so the cost on good calls is one volatile read.
 */
@Singleton
@Internal
public final class FailedAuthThrottle {

    private static final long WINDOW_MILLIS = 60_000;
    private static final int MAX_ADDRESSES = 10_000;

    /** The refusals of one address in its current window, which ends at {@code windowEnd}. */
    private record Refusals(int count, long windowEnd) {}

    private final int limit;
    private final Clock clock;
    private final ExpiringMap<String, Refusals> windows = new ExpiringMap<>(MAX_ADDRESSES);
    private volatile long lastFailure = Long.MIN_VALUE / 2;

    @Inject
    FailedAuthThrottle(AuthConfiguration config) {
        this(config.getFailedAttemptsPerMinute(), Clock.systemUTC());
    }

    FailedAuthThrottle(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /**
     * Whether any address failed within the last window: only then is a call's address worth resolving.
     *
     * @return whether throttling may apply now
     */
    boolean watching() {
        return limit > 0 && clock.millis() - lastFailure < WINDOW_MILLIS;
    }

    /**
     * How long an address must wait, when it is over the limit.
     *
     * @param address the client address
     * @return seconds until its window ends, or empty when it may try
     */
    OptionalLong blockedFor(String address) {
        long now = clock.millis();
        Refusals refusals = windows.get(address, now);
        if (refusals == null || refusals.count() < limit) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (refusals.windowEnd() - now + 999) / 1000));
    }

    /**
     * Counts one refused credential.
     *
     * @param address the client address
     */
    void failed(String address) {
        if (limit <= 0) {
            return;
        }
        long now = clock.millis();
        long end = now + WINDOW_MILLIS;
        windows.update(address, now, end, refusals -> refusals == null
                ? new Refusals(1, end)
                : new Refusals(refusals.count() + 1, refusals.windowEnd()));
        lastFailure = now;
    }
}
