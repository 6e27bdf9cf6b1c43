package dev.toolwire.runtime.http;

import dev.toolwire.runtime.AuthConfiguration;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private static final class Window {
        long start;
        int failures;
    }

    private final int limit;
    private final Clock clock;
    private final Map<String, Window> windows = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };
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
    synchronized OptionalLong blockedFor(String address) {
        Window window = windows.get(address);
        long now = clock.millis();
        if (window == null || now - window.start >= WINDOW_MILLIS || window.failures < limit) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (window.start + WINDOW_MILLIS - now + 999) / 1000));
    }

    /**
     * Counts one refused credential.
     *
     * @param address the client address
     */
    synchronized void failed(String address) {
        if (limit <= 0) {
            return;
        }
        long now = clock.millis();
        Window window = windows.computeIfAbsent(address, a -> new Window());
        if (now - window.start >= WINDOW_MILLIS) {
            window.start = now;
            window.failures = 0;
        }
        window.failures++;
        lastFailure = now;
    }
}
