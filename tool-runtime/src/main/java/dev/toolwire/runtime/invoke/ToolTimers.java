package dev.toolwire.runtime.invoke;

import io.micronaut.core.annotation.Internal;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The timers of tool calls: deadlines, job acknowledgements and the shutdown's cut-off. They are not
 * on Micronaut's {@code TaskExecutors.SCHEDULED} scheduler on purpose: that one is shut down when a
 * graceful shutdown starts and drops its pending tasks, so calls in flight would never time out and
 * jobs never be acknowledged while the server drains (issue 14). These run until the context closes.
 *
 * <p>Every call starts a deadline and nearly every one is cancelled microseconds later, so the timers
 * are Netty's hashed wheel: starting and cancelling one only enqueue it, and a single thread wakes once
 * per {@value #TICK_MILLIS} ms tick. A {@code ScheduledThreadPoolExecutor} wakes its thread whenever a
 * new timer becomes the earliest, which on a busy server is most calls: measured with the server on
 * one core, 0.87 thread switches per call and a third of a plain tool's overhead (issue 17). Timers
 * fire up to one tick late, which no deadline counted in seconds notices. Tasks run on the wheel's
 * thread and must be short: they complete futures and interrupt threads, nothing more.
 */
@Singleton
@Internal
public final class ToolTimers {

    /** The wheel's resolution: how late at most a timer fires. */
    static final long TICK_MILLIS = 10;

    private final HashedWheelTimer wheel = new HashedWheelTimer(
            new NamedDaemonThreads("toolwire-timer-"), TICK_MILLIS, TimeUnit.MILLISECONDS, 1024);

    /**
     * Runs a task after a delay.
     *
     * @param delay the delay; zero or less runs it on the next tick
     * @param task the task, which must not block
     * @return the timer, to cancel
     * @throws RejectedExecutionException once the context is closed
     */
    Timeout schedule(Duration delay, Runnable task) {
        try {
            return wheel.newTimeout(timeout -> task.run(), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        } catch (IllegalStateException e) { // the wheel has been stopped
            throw new RejectedExecutionException("the tool timers have stopped", e);
        }
    }

    /**
     * Runs a task at an instant.
     *
     * @param when the instant; one already past runs it on the next tick
     * @param task the task, which must not block
     * @return the timer, to cancel
     * @throws RejectedExecutionException once the context is closed
     */
    Timeout at(Instant when, Runnable task) {
        return schedule(Duration.between(Instant.now(), when), task);
    }

    @PreDestroy
    void close() {
        wheel.stop();
    }
}
