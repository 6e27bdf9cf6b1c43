package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.JobsConfiguration;
import io.micronaut.core.annotation.Internal;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Runs the work of job-mode tools, bounded: at most {@code toolwire.jobs.max-concurrent} at once and
 * {@code toolwire.jobs.queue-size} waiting; beyond that a job is refused ({@link RejectedExecutionException},
 * answered {@code 503 UNAVAILABLE}) instead of taking one more thread. On JDK 21 and newer each job
 * gets a virtual thread of Micronaut's blocking executor (virtual there) once it holds a slot; on
 * JDK 17 a pool of platform threads ({@code toolwire-job-<n>}) runs them, never more than the slots.
 * A graceful shutdown waits for the jobs admitted, within its grace period, so an acknowledged job
 * can still finish and record its result.
 */
@Singleton
@Internal
public final class JobExecutor implements Executor, GracefulShutdownCapable {

    private final Semaphore admitted;
    private final int capacity;
    private final Executor threads;
    private final @Nullable ExecutorService pool;
    private final AtomicInteger inUse = new AtomicInteger();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean draining;

    @Inject
    JobExecutor(JobsConfiguration config, @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this(config.maxConcurrent(), config.queueSize(), Runtime.version().feature() >= 21 ? blocking : null);
    }

    /**
     * Creates the executor.
     *
     * @param maxConcurrent jobs run at once
     * @param queueSize jobs that may wait for a slot
     * @param threadPerTask a thread-per-task executor (virtual threads), or {@code null} for a pool of
     *     {@code maxConcurrent} platform threads
     */
    JobExecutor(int maxConcurrent, int queueSize, @Nullable Executor threadPerTask) {
        int slots = Math.max(1, maxConcurrent);
        this.capacity = slots + Math.max(0, queueSize);
        this.admitted = new Semaphore(capacity);
        if (threadPerTask == null) {
            ThreadPoolExecutor platform = new ThreadPoolExecutor(slots, slots, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), new NamedDaemonThreads("toolwire-job-"));
            platform.allowCoreThreadTimeOut(true); // no idle threads kept between bursts
            this.pool = platform;
            this.threads = platform;
        } else {
            Semaphore running = new Semaphore(slots);
            this.pool = null;
            this.threads = task -> threadPerTask.execute(() -> {
                try {
                    running.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return; // closing: the job's deadline or the shutdown answers its caller
                }
                try {
                    task.run();
                } finally {
                    running.release();
                }
            });
        }
    }

    /**
     * Runs a job, or refuses it when every slot and place in the queue is taken.
     *
     * @param task the job's work
     * @throws RejectedExecutionException when full
     */
    @Override
    public void execute(Runnable task) {
        if (!admitted.tryAcquire()) {
            throw new RejectedExecutionException("All " + capacity + " job slots and places in the queue are taken");
        }
        inUse.incrementAndGet();
        try {
            threads.execute(() -> {
                try {
                    task.run();
                } finally {
                    release();
                }
            });
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    private void release() {
        admitted.release();
        if (inUse.decrementAndGet() == 0 && draining) {
            drained.complete(null);
        }
    }

    @Override
    public CompletionStage<?> shutdownGracefully() {
        draining = true;
        if (inUse.get() == 0) {
            drained.complete(null);
        }
        return drained;
    }

    @Override
    public OptionalLong reportActiveTasks() {
        return OptionalLong.of(inUse.get());
    }

    @PreDestroy
    void close() {
        if (pool != null) {
            pool.shutdownNow(); // after the grace period: interrupt what is left
        }
    }
}
