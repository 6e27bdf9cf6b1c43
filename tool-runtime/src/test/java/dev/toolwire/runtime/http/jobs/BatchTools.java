package dev.toolwire.runtime.http.jobs;

import dev.toolwire.annotations.Idempotent;
import dev.toolwire.annotations.Job;
import dev.toolwire.annotations.Tool;
import dev.toolwire.annotations.ToolParam;
import dev.toolwire.runtime.ToolContext;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Work that outlasts a call, and side effects that must happen once. */
@Singleton
@Requires(property = "spec.name", value = "JobsAndRetriesTest")
public class BatchTools {

    /** Lets {@link #crunch} finish. */
    public final CountDownLatch release = new CountDownLatch(1);
    /** Holds {@link #createBatch} calls until the test opens it. */
    public volatile CountDownLatch gate = new CountDownLatch(0);
    /** Counted down when {@link #createBatch} starts running. */
    public volatile CountDownLatch batchStarted = new CountDownLatch(0);
    /** How many times {@link #createBatch} really ran. */
    public final AtomicInteger creations = new AtomicInteger();

    /**
     * Crunches until the test releases it, reporting progress.
     *
     * @param what what to crunch
     * @param context for progress
     * @return what was crunched
     * @throws InterruptedException when cancelled
     */
    @Tool(timeoutSeconds = 60)
    @Job(acknowledgeWithinSeconds = 1, acknowledgeMessage = "Crunching has started.")
    public String crunch(String what, ToolContext context) throws InterruptedException {
        context.progress(40, "Halfway there");
        release.await(50, TimeUnit.SECONDS);
        return "crunched " + what;
    }

    /** Opened by a test to let {@link #settleAccount()} finish after its acknowledgement. */
    public final CountDownLatch settled = new CountDownLatch(1);

    /**
     * A job whose result is an amount with its decimals.
     *
     * @return the amount settled
     * @throws InterruptedException when cancelled
     */
    @Tool(timeoutSeconds = 60)
    @Job(acknowledgeWithinSeconds = 1)
    public BigDecimal settleAccount() throws InterruptedException {
        settled.await(50, TimeUnit.SECONDS);
        return new BigDecimal("500.00");
    }

    /**
     * A job that finishes at once.
     *
     * @return done
     */
    @Tool(timeoutSeconds = 30)
    @Job(acknowledgeWithinSeconds = 10)
    public String quickJob() {
        return "done";
    }

    /**
     * A job that runs past its timeout.
     *
     * @return never
     * @throws InterruptedException when cancelled
     */
    @Tool(timeoutSeconds = 2)
    @Job(acknowledgeWithinSeconds = 1)
    public String overrun() throws InterruptedException {
        Thread.sleep(30_000);
        return "never";
    }

    /**
     * Creates a batch, once per title within five minutes.
     *
     * @param title the batch title
     * @param size how many items, 10 by default
     * @return the batch number
     * @throws InterruptedException when cancelled
     */
    @Tool
    @Idempotent(windowSeconds = 300)
    public int createBatch(String title, @ToolParam(defaultValue = "10") int size)
            throws InterruptedException {
        batchStarted.countDown();
        gate.await(20, TimeUnit.SECONDS);
        return 1000 + creations.incrementAndGet();
    }
}
