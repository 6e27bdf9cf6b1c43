package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.ToolResult;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The state of one running tool method: the outcome the caller waits for, the thread running a
 * blocking method, and how to cancel non-blocking work. Whichever completes {@link #outcome()}
 * first wins: the method, or the deadline through {@link #expire}; the loser is discarded.
 */
final class Execution {

    private final CompletableFuture<ToolResult> outcome = new CompletableFuture<>();
    private @Nullable Thread worker;
    private @Nullable Runnable cancellation;
    private boolean expired;
    private boolean interruptedWorker;

    CompletableFuture<ToolResult> outcome() {
        return outcome;
    }

    /** The current thread runs the method until {@link #leaveBlocking()}; an expiry interrupts it. */
    synchronized void enterBlocking() {
        worker = Thread.currentThread();
    }

    /** Ends the blocking part; an interrupt sent by {@link #expire} does not leak to the executor's next task. */
    void leaveBlocking() {
        boolean clear;
        synchronized (this) {
            worker = null;
            clear = interruptedWorker;
        }
        if (clear) {
            Thread.interrupted();
        }
    }

    /**
     * Registers how to cancel the method's non-blocking work; runs it at once when already expired.
     *
     * @param action cancels the future or the subscription
     */
    void onExpiry(Runnable action) {
        synchronized (this) {
            if (!expired) {
                cancellation = action;
                return;
            }
        }
        action.run();
    }

    /**
     * Answers the timeout instead of the result, unless the method finished first, and cancels the work.
     *
     * @param timeout the timeout failure
     * @return whether the timeout won
     */
    boolean expire(ToolResult timeout) {
        if (!outcome.complete(timeout)) {
            return false;
        }
        Runnable action;
        synchronized (this) {
            expired = true;
            if (worker != null) {
                interruptedWorker = true;
                worker.interrupt();
            }
            action = cancellation;
        }
        if (action != null) {
            action.run();
        }
        return true;
    }
}
