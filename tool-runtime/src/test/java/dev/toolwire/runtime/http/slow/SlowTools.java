package dev.toolwire.runtime.http.slow;

import dev.toolwire.annotations.Tool;
import dev.toolwire.runtime.ToolContext;
import dev.toolwire.runtime.ToolException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.NonBlocking;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;

/** Tools that take their time, in every shape a tool may return. */
@Singleton
@Requires(property = "spec.name", value = "AsyncToolsTest")
public class SlowTools {

    /** Counts down when {@link #sleepy} is interrupted by its timeout. */
    public final CountDownLatch interrupted = new CountDownLatch(1);
    /** The deadline {@link #sleepy} saw. */
    public final AtomicReference<Instant> sleepyDeadline = new AtomicReference<>();
    /** The futures of {@link #pending} calls, by key. */
    public final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    /** The threads {@link #pending} was invoked on. */
    public final Set<String> pendingThreads = ConcurrentHashMap.newKeySet();
    /** The future {@link #neverCompletes} returned. */
    public final AtomicReference<CompletableFuture<String>> abandoned = new AtomicReference<>();

    /** The future {@link #nonBlockingNeverCompletes} returned. */
    public final AtomicReference<CompletableFuture<String>> abandonedNonBlocking = new AtomicReference<>();
    /** The publisher {@link #silent} returned. */
    public final AtomicReference<OneValuePublisher<String>> silentPublisher = new AtomicReference<>();
    /** The thread {@link #blockingThreadName} ran on. */
    public final AtomicReference<String> blockingThread = new AtomicReference<>();

    /**
     * Sleeps far longer than its timeout.
     *
     * @param context the call's context
     * @return never in time
     */
    @Tool(timeoutSeconds = 1)
    public String sleepy(ToolContext context) {
        sleepyDeadline.set(context.deadline());
        try {
            Thread.sleep(30_000);
        } catch (InterruptedException e) {
            interrupted.countDown();
            throw new IllegalStateException("interrupted, as it should be", e);
        }
        return "too late";
    }

    /**
     * Returns a future the test completes.
     *
     * @param key names the future
     * @return the future
     */
    @Tool(timeoutSeconds = 60)
    public CompletionStage<String> pending(String key) {
        pendingThreads.add(Thread.currentThread().getName());
        CompletableFuture<String> future = new CompletableFuture<>();
        pending.put(key, future);
        return future;
    }

    /**
     * Returns a future that never completes.
     *
     * @return the future
     */
    @Tool(timeoutSeconds = 1)
    public CompletableFuture<String> neverCompletes() {
        CompletableFuture<String> future = new CompletableFuture<>();
        abandoned.set(future);
        return future;
    }

    /**
     * Completes with nothing.
     *
     * @return a completed future of no value
     */
    @Tool
    public CompletionStage<Void> fireAndForget() {
        return CompletableFuture.runAsync(() -> { });
    }

    /**
     * Fails asynchronously with a business error.
     *
     * @return a failed future
     */
    @Tool
    public CompletionStage<String> missingAsync() {
        return CompletableFuture.supplyAsync(() -> {
            throw ToolException.notFound("I couldn't find it.");
        });
    }

    /**
     * Greets through a publisher.
     *
     * @param name who to greet
     * @return one greeting
     */
    @Tool
    public Publisher<String> greet(String name) {
        return new OneValuePublisher<>("Hello, " + name);
    }

    /**
     * A publisher that never emits.
     *
     * @return the publisher
     */
    @Tool(timeoutSeconds = 1)
    public Publisher<String> silent() {
        OneValuePublisher<String> publisher = new OneValuePublisher<>(null);
        silentPublisher.set(publisher);
        return publisher;
    }

    /**
     * Tells which thread runs a blocking tool.
     *
     * @return the thread name
     */
    @Tool
    public String blockingThreadName() {
        blockingThread.set(Thread.currentThread().getName());
        return Thread.currentThread().getName();
    }

    /**
     * Tells which thread runs a tool that promises not to block.
     *
     * @param name echoed back, to show the arguments were read and bound
     * @return the thread name and the argument
     */
    @Tool
    @NonBlocking
    public String nonBlockingThreadName(String name) {
        return Thread.currentThread().getName() + " " + name;
    }

    /**
     * A non-blocking tool whose future never completes.
     *
     * @return the future
     */
    @Tool(timeoutSeconds = 1)
    @NonBlocking
    public CompletableFuture<String> nonBlockingNeverCompletes() {
        CompletableFuture<String> future = new CompletableFuture<>();
        abandonedNonBlocking.set(future);
        return future;
    }
}
