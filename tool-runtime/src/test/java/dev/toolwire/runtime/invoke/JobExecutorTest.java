package dev.toolwire.runtime.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.Polling;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The jobs' executor on its own: at most {@code max-concurrent} jobs run and {@code queue-size} wait,
 * on a pool of that many threads (JDK 17) or one thread per job (virtual threads on 21+, stood in for
 * here by a cached pool); one more is refused; a graceful shutdown waits for the jobs admitted.
 */
class JobExecutorTest {

    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final ExecutorService threadPerTask = Executors.newCachedThreadPool();
    private JobExecutor executor;

    @AfterEach
    void stop() {
        gate.countDown();
        threadPerTask.shutdownNow();
        if (executor != null) {
            executor.close();
        }
    }

    @Test
    void platformPool_runsTwoQueuesOne_refusesTheFourth_onTwoThreads() throws Exception {
        executor = new JobExecutor(2, 1, null);
        fillAndCheck();
        assertEquals(2, threads.size(), "more threads than slots: " + threads);
        assertTrue(threads.stream().allMatch(name -> name.startsWith("toolwire-job-")), threads.toString());
    }

    @Test
    void threadPerTask_runsTwoAtOnce_refusesTheFourth() throws Exception {
        executor = new JobExecutor(2, 1, threadPerTask);
        fillAndCheck();
    }

    @Test
    void gracefulShutdown_waitsForTheJobsAdmitted() throws Exception {
        executor = new JobExecutor(2, 1, null);
        CompletableFuture<?> idle = executor.shutdownGracefully().toCompletableFuture();
        assertTrue(idle.isDone(), "nothing to wait for");

        executor = new JobExecutor(2, 1, null);
        executor.execute(this::job);
        CompletableFuture<?> drained = executor.shutdownGracefully().toCompletableFuture();
        assertEquals(1, executor.reportActiveTasks().orElse(-1));
        assertFalse(drained.isDone(), "the shutdown did not wait for the running job");
        gate.countDown();
        drained.get(5, TimeUnit.SECONDS);
        assertEquals(0, executor.reportActiveTasks().orElse(-1));
    }

    private void fillAndCheck() throws Exception {
        for (int i = 0; i < 3; i++) {
            executor.execute(this::job);
        }
        assertThrows(RejectedExecutionException.class, () -> executor.execute(this::job));
        assertTrue(waitFor(() -> running.get() == 2), "two jobs should run");
        assertEquals(2, mostAtOnce.get());

        gate.countDown();
        assertTrue(waitFor(() -> done.get() == 3), "the queued job never ran");
        assertEquals(2, mostAtOnce.get(), "more than two jobs ran at once");
        assertTrue(waitFor(() -> executor.reportActiveTasks().orElse(-1) == 0), "slots were not given back");
        executor.execute(this::job); // room again
        assertTrue(waitFor(() -> done.get() == 4));
    }

    private void job() {
        threads.add(Thread.currentThread().getName());
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.decrementAndGet();
            done.incrementAndGet();
        }
    }

    private static boolean waitFor(BooleanSupplier condition) {
        return Polling.eventually(condition, Duration.ofSeconds(10));
    }
}
