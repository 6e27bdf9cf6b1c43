package dev.toolwire.runtime.invoke;

import io.micronaut.core.annotation.Internal;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The timers of tool calls: deadlines, job acknowledgements and the shutdown's cut-off. They are not
 * on Micronaut's {@code TaskExecutors.SCHEDULED} scheduler on purpose: that one is shut down when a
 * graceful shutdown starts and drops its pending tasks, so calls in flight would never time out and
 * jobs never be acknowledged while the server drains (issue 14). These run until the context closes.
 */
@Singleton
@Internal
public final class ToolTimers {

    private final ScheduledThreadPoolExecutor executor;

    ToolTimers() {
        executor = new ScheduledThreadPoolExecutor(Math.max(2, Runtime.getRuntime().availableProcessors()),
                new NamedDaemonThreads("toolwire-timer-"));
        executor.setRemoveOnCancelPolicy(true); // most timers are cancelled: the call answered in time
    }

    /**
     * Runs a task after a delay.
     *
     * @param delay the delay; zero or less runs it at once
     * @param task the task, which must not block for long
     * @return the timer, to cancel
     * @throws java.util.concurrent.RejectedExecutionException once the context is closed
     */
    ScheduledFuture<?> schedule(Duration delay, Runnable task) {
        return executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    /**
     * Runs a task at an instant.
     *
     * @param when the instant; one already past runs it at once
     * @param task the task, which must not block for long
     * @return the timer, to cancel
     * @throws java.util.concurrent.RejectedExecutionException once the context is closed
     */
    ScheduledFuture<?> at(Instant when, Runnable task) {
        return schedule(Duration.between(Instant.now(), when), task);
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
