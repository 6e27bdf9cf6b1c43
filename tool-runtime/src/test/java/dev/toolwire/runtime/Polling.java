package dev.toolwire.runtime;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what a test cannot join: work the server does in the background. */
public final class Polling {

    private Polling() {}

    /**
     * Checks a condition every 20 ms until it holds or the limit passes; the limit only keeps a broken
     * test from hanging.
     *
     * @param condition what to wait for
     * @param limit the longest wait
     * @return whether the condition held
     */
    public static boolean eventually(BooleanSupplier condition, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
