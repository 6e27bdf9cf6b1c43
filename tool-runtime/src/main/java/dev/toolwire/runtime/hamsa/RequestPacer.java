package dev.toolwire.runtime.hamsa;

import java.time.Duration;

/**
 * Spaces requests evenly so a client stays under a requests-per-minute budget, and holds all
 * requests back while the server has asked to wait (429 {@code Retry-After}, or an exhausted
 * {@code X-RateLimit-Remaining}).
 */
final class RequestPacer {

    private final long intervalNanos;
    private long next = System.nanoTime();

    RequestPacer(int requestsPerMinute) {
        this.intervalNanos = requestsPerMinute <= 0 ? 0 : Duration.ofMinutes(1).toNanos() / requestsPerMinute;
    }

    /** Blocks until this request may go out. */
    void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, next);
            next = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** Holds every later request back for {@code delay} from now. */
    synchronized void holdFor(Duration delay) {
        next = Math.max(next, System.nanoTime() + delay.toNanos());
    }
}
