package dev.toolwire.runtime.hamsa;

import java.time.Duration;

/**
 * How long one run (a sync, a check) may spend waiting because Hamsa asked it to: every
 * {@code Retry-After} and rate-limit reset is taken from it, and a wait it cannot cover fails the
 * request instead of holding the run for longer than {@code toolwire.hamsa.max-wait}.
 */
final class WaitBudget {

    private long leftNanos;

    WaitBudget(Duration total) {
        this.leftNanos = Math.max(0, total.toNanos());
    }

    /** Takes {@code wait} from the budget when it can cover it. */
    synchronized boolean take(Duration wait) {
        long nanos = Math.max(0, wait.toNanos());
        if (nanos > leftNanos) {
            return false;
        }
        leftNanos -= nanos;
        return true;
    }

    synchronized Duration left() {
        return Duration.ofNanos(leftNanos);
    }
}
