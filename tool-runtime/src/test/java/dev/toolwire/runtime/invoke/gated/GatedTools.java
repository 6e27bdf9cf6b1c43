package dev.toolwire.runtime.invoke.gated;

import dev.toolwire.annotations.Idempotent;
import dev.toolwire.annotations.Job;
import dev.toolwire.annotations.Tool;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Tools that wait until the test opens their gate, so a test decides when each one finishes. */
@Singleton
@Requires(property = "spec.name", value = "GatedTools")
public class GatedTools {

    /** The keys of the calls that reached their tool. */
    public final Set<String> started = ConcurrentHashMap.newKeySet();
    /** The threads {@link #gatedJob} ran on. */
    public final Set<String> jobThreads = ConcurrentHashMap.newKeySet();
    /** The most {@link #gatedJob} calls that ran at once. */
    public final AtomicInteger mostJobsAtOnce = new AtomicInteger();
    private final AtomicInteger jobsRunning = new AtomicInteger();
    /** Counts down when {@link #overrunJob} is interrupted by its deadline. */
    public final CountDownLatch interrupted = new CountDownLatch(1);
    /** How many orders {@link #placeOrder} really placed. */
    public final AtomicInteger orders = new AtomicInteger();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();

    /**
     * The gate of a key, closed until the test opens it.
     *
     * @param key the call's key
     * @return its gate
     */
    public CountDownLatch gate(String key) {
        return gates.computeIfAbsent(key, k -> new CountDownLatch(1));
    }

    /**
     * A job that waits for its gate; acknowledged after one second.
     *
     * @param key names the call and its gate
     * @return what was done
     * @throws InterruptedException when cancelled
     */
    @Tool(timeoutSeconds = 60)
    @Job(acknowledgeWithinSeconds = 1)
    public String gatedJob(String key) throws InterruptedException {
        jobThreads.add(Thread.currentThread().getName());
        mostJobsAtOnce.accumulateAndGet(jobsRunning.incrementAndGet(), Math::max);
        try {
            return passGate(key);
        } finally {
            jobsRunning.decrementAndGet();
        }
    }

    /**
     * A job that waits for its gate; acknowledged after two seconds, time for a test to start a
     * shutdown before its window ends.
     *
     * @param key names the call and its gate
     * @return what was done
     * @throws InterruptedException when cancelled
     */
    @Tool(timeoutSeconds = 60)
    @Job(acknowledgeWithinSeconds = 2)
    public String slowToAcknowledge(String key) throws InterruptedException {
        return passGate(key);
    }

    /**
     * A job that runs past its timeout of three seconds, after its window of two.
     *
     * @param key names the call
     * @return never in time
     */
    @Tool(timeoutSeconds = 3)
    @Job(acknowledgeWithinSeconds = 2)
    public String overrunJob(String key) {
        started.add(key);
        try {
            Thread.sleep(30_000);
        } catch (InterruptedException e) {
            interrupted.countDown();
            throw new IllegalStateException("interrupted, as it should be", e);
        }
        return "too late";
    }

    /**
     * A plain call that waits for its gate, with a long timeout.
     *
     * @param key names the call and its gate
     * @return what was done
     * @throws InterruptedException when cancelled
     */
    @Tool(timeoutSeconds = 60)
    public String gatedCall(String key) throws InterruptedException {
        return passGate(key);
    }

    /**
     * Places an order, once per item within five minutes.
     *
     * @param item what to order
     * @return the order number
     */
    @Tool
    @Idempotent(windowSeconds = 300)
    public int placeOrder(String item) {
        return 5000 + orders.incrementAndGet();
    }

    private String passGate(String key) throws InterruptedException {
        started.add(key);
        if (!gate(key).await(50, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never opened the gate of " + key);
        }
        return "done " + key;
    }
}
