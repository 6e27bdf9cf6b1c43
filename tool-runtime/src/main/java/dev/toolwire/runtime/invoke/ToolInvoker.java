package dev.toolwire.runtime.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.ToolContext;
import dev.toolwire.runtime.ToolException;
import dev.toolwire.runtime.ToolResult;
import dev.toolwire.runtime.store.RetryMemory;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one tool call through the whole pipeline: merge and coerce the arguments, fill defaults,
 * validate them against the schema, then answer a job status tool from the job store, or run the
 * method (deduplicated when the tool asks for it, acknowledged early in job mode) within its
 * deadline, and shape the result. Every failure becomes a {@link ToolResult.Failure}; nothing escapes,
 * and nothing here knows which transport the call came by.
 */
@Singleton
@Internal
public final class ToolInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(ToolInvoker.class);

    private final MethodRunner runner;
    private final JobCoordinator jobs;
    private final RetryMemory retryMemory;

    /**
     * Creates the invoker.
     *
     * @param runner runs tool methods within their deadline
     * @param jobs runs job-mode tools and answers their status tools
     * @param retryMemory remembers the outcomes of retry-safe tools
     */
    public ToolInvoker(MethodRunner runner, JobCoordinator jobs, RetryMemory retryMemory) {
        this.runner = runner;
        this.jobs = jobs;
        this.retryMemory = retryMemory;
    }

    /**
     * Starts a call on the calling thread and returns without waiting for a job acknowledgement or a
     * non-blocking result. The calling thread must be one that may block (a blocking-executor worker,
     * never the event loop) unless the tool is {@link RegisteredTool#nonBlocking()}: running the
     * method here saves a hand-off to another thread. A {@code CompletionStage} or {@code Publisher}
     * is awaited without a thread. The deadline is enforced all the same (504 on time, a blocking
     * thread interrupted); job-mode tools still run on the executor, since their acknowledgement must
     * be sent while they run.
     *
     * @param tool the tool
     * @param call the raw arguments
     * @param context the call's context; its deadline is enforced
     * @return the result or the failure (a job acknowledgement for job-mode tools that take
     *     longer than their window); never completes exceptionally
     */
    public CompletableFuture<ToolResult> startHere(RegisteredTool tool, ToolCall call, ToolContext context) {
        return start(tool, call, context, true);
    }

    /**
     * Calls a tool and waits for its outcome, at most until its deadline. Job-mode tools are awaited
     * to the end rather than acknowledged, as the {@code call} command has no one to poll their status.
     *
     * @param tool the tool
     * @param call the raw arguments
     * @param context the call's context
     * @return the result or the failure
     */
    public ToolResult call(RegisteredTool tool, ToolCall call, ToolContext context) {
        return start(tool, call, context, false).join();
    }

    /**
     * {@code served}: a call over HTTP, started on the calling thread, whose job-mode tools are
     * acknowledged early; else the {@code call} command's, which hands the method to the executor and
     * waits for jobs to finish.
     */
    private CompletableFuture<ToolResult> start(RegisteredTool tool, ToolCall call, ToolContext context, boolean served) {
        ObjectNode arguments;
        try {
            arguments = ArgumentMerger.merge(tool.descriptor().params(), call.pathValues(), call.query(), call.body());
            List<ToolException.Detail> violations = SchemaValidator.validate(tool.schema(), arguments);
            if (!violations.isEmpty()) {
                throw rejected(violations);
            }
        } catch (ToolException e) {
            LOG.debug("Tool '{}' answered {} (request {}): {}", tool.name(), e.code(), context.requestId(), e.getMessage());
            return CompletableFuture.completedFuture(new ToolResult.Failure(e));
        } catch (RuntimeException e) {
            LOG.error("Tool '{}' could not read its arguments (request {})", tool.name(), context.requestId(), e);
            return CompletableFuture.completedFuture(new ToolResult.Failure(ToolFailures.internal()));
        }
        if (tool.jobStatusOf() != null) {
            return CompletableFuture.completedFuture(jobs.status(tool, arguments, context));
        }
        Supplier<CompletableFuture<ToolResult>> run = () -> served && tool.job() != null
                ? jobs.start(tool, context, jobContext -> runner.run(tool, arguments, jobContext, false))
                : runner.run(tool, arguments, context, served);
        int window = tool.retryWindowSeconds();
        return window > 0
                ? retryMemory.run(DeduplicationCache.key(tool, arguments, context), Duration.ofSeconds(window),
                        Duration.ofSeconds(tool.descriptor().timeoutSeconds()), context.requestId(), run)
                : run.get();
    }

    /**
     * The exception for argument violations: one sentence about the first, details for all.
     *
     * @param violations the violations, at least one
     * @return the exception
     */
    static ToolException rejected(List<ToolException.Detail> violations) {
        int more = violations.size() - 1;
        String message = "Tool call rejected: " + violations.get(0).message()
                + (more == 0 ? "" : more == 1 ? " (and 1 more problem)" : " (and " + more + " more problems)") + ".";
        return new ToolException(400, ToolFailures.INVALID_ARGUMENTS, message, violations);
    }
}
