package dev.toolwire.runtime.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.ToolContext;
import dev.toolwire.runtime.ToolResult;
import io.micronaut.context.BeanContext;
import io.micronaut.core.annotation.Internal;
import io.micronaut.scheduling.TaskExecutors;
import io.netty.util.Timeout;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invokes a tool method within its deadline ({@link ToolContext#deadline()}, the one the tool sees).
 * The method is called on Micronaut's blocking executor (or on the calling worker when it already is
 * one), a job-mode tool's on the bounded {@link JobExecutor}, or for a {@link RegisteredTool#nonBlocking()}
 * tool on the calling thread, even an event loop; a {@code CompletionStage} or {@code Publisher} it
 * returns is awaited without holding any thread. At the deadline the caller gets {@code 504 TIMEOUT},
 * the blocking thread is interrupted or the future / subscription cancelled, and whatever the method
 * produces later is discarded (logged at DEBUG only). Deadlines run on {@link ToolTimers}, so they
 * hold while the server drains, and {@link DrainCutoff} answers a call still running when a graceful
 * shutdown is about to end.
 */
@Singleton
@Internal
public final class MethodRunner {

    /** The sentence when there is no room to run a call. */
    static final String BUSY = "I'm too busy to do that right now. Please try again in a moment.";

    private static final Logger LOG = LoggerFactory.getLogger(MethodRunner.class);

    private final BeanContext beanContext;
    private final ArgumentBinder binder;
    private final ResultWriter resultWriter;
    private final Executor blocking;
    private final JobExecutor jobs;
    private final ToolTimers timers;
    private final DrainCutoff cutoff;
    private final ToolErrors errors;

    /**
     * Creates the runner.
     *
     * @param beanContext where the tool beans come from
     * @param binder binds arguments
     * @param resultWriter shapes results
     * @param blocking Micronaut's blocking executor (virtual threads on JDK 21+)
     * @param jobs the bounded executor of job-mode tools
     * @param timers the deadlines' timers, which keep running while the server drains
     * @param cutoff answers the calls still running shortly before a graceful shutdown ends
     * @param errors turns what a method threw into the caller's failure
     */
    public MethodRunner(
            BeanContext beanContext,
            ArgumentBinder binder,
            ResultWriter resultWriter,
            @Named(TaskExecutors.BLOCKING) Executor blocking,
            JobExecutor jobs,
            ToolTimers timers,
            DrainCutoff cutoff,
            ToolErrors errors) {
        this.beanContext = beanContext;
        this.binder = binder;
        this.resultWriter = resultWriter;
        this.blocking = blocking;
        this.jobs = jobs;
        this.timers = timers;
        this.cutoff = cutoff;
        this.errors = errors;
    }

    /**
     * Starts the method and returns at once.
     *
     * @param tool the tool
     * @param arguments the merged, validated arguments
     * @param context the context passed to the method; its deadline is enforced
     * @param onThisThread call the method on the calling thread instead of handing it to the
     *     executor: a blocking-executor worker (an expiry interrupts it), or any thread for a
     *     {@link RegisteredTool#nonBlocking()} tool
     * @return the result, or the failure; never completes exceptionally
     */
    CompletableFuture<ToolResult> run(RegisteredTool tool, ObjectNode arguments, ToolContext context, boolean onThisThread) {
        Execution execution = new Execution();
        if (onThisThread && tool.nonBlocking()) {
            // Never interrupted, and timed only if it hands back work still pending: a plain method
            // returns before any deadline could fire on the thread it occupies.
            invoke(tool, arguments, context, execution, false);
            return execution.outcome();
        }
        if (!startDeadline(tool, execution, context)) {
            return execution.outcome();
        }
        if (onThisThread) {
            invoke(tool, arguments, context, execution, true);
            return execution.outcome();
        }
        try {
            (tool.job() != null ? jobs : blocking).execute(() -> invoke(tool, arguments, context, execution, true));
        } catch (RejectedExecutionException e) {
            LOG.debug("Tool '{}' refused: no room to run it (request {}): {}", tool.name(), context.requestId(), e.getMessage());
            execution.outcome().complete(new ToolResult.Failure(RetryLaterException.busy(BUSY)));
        }
        return execution.outcome();
    }

    /**
     * Starts the timers of a call: its deadline, and its cut-off should a graceful shutdown end first.
     *
     * @return whether they run; if not (the context is closing), the call has been answered
     */
    private boolean startDeadline(RegisteredTool tool, Execution execution, ToolContext context) {
        Timeout timer;
        try {
            timer = timers.at(context.deadline(), () -> expire(tool, execution, context));
        } catch (RejectedExecutionException e) {
            cut(tool, execution, context);
            return false;
        }
        Runnable forget = cutoff.track(() -> cut(tool, execution, context));
        execution.outcome().whenComplete((outcome, failure) -> {
            timer.cancel();
            forget.run();
        });
        return true;
    }

    /**
     * Binds and calls the method. {@code blocking}: the deadline is already running and may
     * interrupt this thread; otherwise the deadline starts only for a result still pending.
     */
    private void invoke(RegisteredTool tool, ObjectNode arguments, ToolContext context, Execution execution, boolean blocking) {
        if (execution.outcome().isDone()) {
            return; // expired while queued
        }
        if (blocking) {
            execution.enterBlocking();
        }
        try {
            Object[] values = binder.bind(tool, arguments, context);
            Object returned = tool.method().invoke(tool.instance(beanContext), values);
            if (returned instanceof CompletionStage<?> stage) {
                awaitLater(tool, execution, context, blocking);
                execution.onExpiry(() -> cancel(stage));
                stage.whenComplete((value, failure) -> finish(tool, execution, value, failure, context));
            } else if (returned instanceof Publisher<?> publisher) {
                awaitLater(tool, execution, context, blocking);
                publisher.subscribe(new SingleValueSubscriber(execution,
                        (value, failure) -> finish(tool, execution, value, failure, context)));
            } else {
                finish(tool, execution, returned, null, context);
            }
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError error) {
                throw error;
            }
            finish(tool, execution, null, e, context);
        } finally {
            if (blocking) {
                execution.leaveBlocking();
            }
        }
    }

    /** Starts the deadline of a non-blocking call whose result is still to come. */
    private void awaitLater(RegisteredTool tool, Execution execution, ToolContext context, boolean timed) {
        if (!timed) {
            startDeadline(tool, execution, context); // if refused, the call has its answer
        }
    }

    private void finish(
            RegisteredTool tool, Execution execution, @Nullable Object value, @Nullable Throwable failure, ToolContext context) {
        boolean late = execution.outcome().isDone();
        ToolResult outcome;
        if (failure != null) {
            outcome = failed(unwrap(failure), context, late);
        } else if (late) {
            outcome = null;
        } else {
            try {
                outcome = new ToolResult.Success(resultWriter.write(tool, value, context));
            } catch (Throwable e) {
                outcome = failed(e, context, false);
            }
        }
        if (outcome == null || !execution.outcome().complete(outcome)) {
            LOG.debug("Tool '{}' finished after its timeout (request {}); its result was discarded",
                    tool.name(), context.requestId());
        }
    }

    /** The shutdown is about to stop the process: answer the caller now and cancel the work. */
    private void cut(RegisteredTool tool, Execution execution, ToolContext context) {
        ToolResult restarting = new ToolResult.Failure(
                RetryLaterException.unavailable(DrainCutoff.RESTARTING, DrainCutoff.RETRY_AFTER_SECONDS));
        if (execution.expire(restarting)) {
            LOG.warn("Tool '{}' was still running when the server had to stop (request {}); the caller got"
                    + " UNAVAILABLE and the work was cancelled", tool.name(), context.requestId());
        }
    }

    private void expire(RegisteredTool tool, Execution execution, ToolContext context) {
        ToolResult timeout = new ToolResult.Failure(ToolFailures.timeout());
        if (execution.expire(timeout)) {
            LOG.warn("Tool '{}' ran past its timeout of {} s (request {}); the caller got TIMEOUT and the work was"
                    + " cancelled", tool.name(), tool.descriptor().timeoutSeconds(), context.requestId());
        }
    }

    private static void cancel(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().cancel(true);
        } catch (UnsupportedOperationException e) {
            LOG.trace("This CompletionStage cannot be cancelled; its result will be discarded", e);
        }
    }

    /** The failure of what the method threw; after the timeout it is logged at DEBUG only, as nobody will read it. */
    private ToolResult failed(Throwable e, ToolContext context, boolean late) {
        return new ToolResult.Failure(errors.translate(e, context, late));
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
