package dev.toolwire.runtime.store;

import dev.toolwire.runtime.ToolResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Makes retried calls of retry-safe tools ({@code @Idempotent}) act once: a call identical to one
 * made within the tool's window answers the first call's outcome, and a call identical to one still
 * running waits for it (at most about the tool's timeout). Outcomes of {@code 5xx} are not kept, so a
 * retry after a failure acts again. The in-memory default serves one process; the Redis one
 * ({@code toolwire.store=redis}) every replica.
 */
public interface RetryMemory {

    /**
     * Runs a call unless an identical one ran within the window or is running.
     *
     * @param key the call's identity
     * @param window how long a finished call's outcome is answered again
     * @param timeout the tool's timeout: how long a first call may take, and so how long an
     *     identical one may wait for it
     * @param requestId the call's request id, for the log
     * @param call starts the call; called at most once, on a thread that may block
     * @return the first call's outcome, or a refusal ({@code 429} over the caller's quota,
     *     {@code 503} when the memory is full or out of reach); never completes exceptionally
     */
    CompletableFuture<ToolResult> run(CallKey key, Duration window, Duration timeout, String requestId,
            Supplier<CompletableFuture<ToolResult>> call);

    /**
     * Whether a call's result is kept for its window: everything but a {@code 5xx} failure, after
     * which a retry acts again.
     *
     * @param result the first call's result
     * @return {@code true} to answer it to identical calls
     */
    static boolean keeps(ToolResult result) {
        return !(result instanceof ToolResult.Failure failure && failure.error().status() >= 500);
    }
}
