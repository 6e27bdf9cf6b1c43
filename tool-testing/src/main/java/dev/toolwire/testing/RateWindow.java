package dev.toolwire.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A fixed-window request budget, like the one Hamsa documents (100 requests per minute). */
final class RateWindow {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private Instant start;
    private int used;

    RateWindow(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.start = clock.instant();
    }

    /** The outcome of asking for one request: allowed or not, and the numbers for the headers. */
    record Decision(boolean allowed, int limit, int remaining, Instant reset) {

        /** Whole seconds until the window resets, at least 1, for {@code Retry-After}. */
        long retryAfterSeconds(Instant now) {
            long millis = Duration.between(now, reset).toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }

    synchronized Decision take() {
        Instant now = clock.instant();
        if (!now.isBefore(start.plus(window))) {
            start = now;
            used = 0;
        }
        boolean allowed = used < limit;
        if (allowed) {
            used++;
        }
        return new Decision(allowed, limit, limit - used, start.plus(window));
    }
}
