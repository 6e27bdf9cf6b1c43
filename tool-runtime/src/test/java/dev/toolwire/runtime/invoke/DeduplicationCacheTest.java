package dev.toolwire.runtime.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.ToolException;
import dev.toolwire.runtime.ToolResult;
import dev.toolwire.runtime.store.CallKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The retry memory on its own: answered again within the window, forgotten after it, bounded per
 * caller and in all without forgetting anyone's call early, and never left waiting on a call that
 * failed to start.
 */
class DeduplicationCacheTest {

    private final AtomicInteger runs = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T10:00:00Z"));

    private Supplier<CompletableFuture<ToolResult>> call(int status) {
        return () -> {
            int run = runs.incrementAndGet();
            return CompletableFuture.completedFuture(status == 200
                    ? new ToolResult.Success(("{\"run\":" + run + "}").getBytes(StandardCharsets.UTF_8))
                    : new ToolResult.Failure(new ToolException(status, "FAILED", "Run " + run + " failed.")));
        };
    }

    private static CallKey key(String caller, String call) {
        return new CallKey(caller, call);
    }

    @Test
    void aRepeatedCall_getsTheFirstOutcome_withoutRunningAgain() {
        DeduplicationCache cache = new DeduplicationCache(10, 10, clock);
        ToolResult first = cache.run(key("a", "k"), 60, "r1", call(200)).join();
        ToolResult again = cache.run(key("a", "k"), 60, "r2", call(200)).join();
        assertSame(first, again);
        assertEquals(1, runs.get());
        assertEquals(1, cache.size());
    }

    @Test
    void theSameCallOfAnotherCaller_runsOnItsOwn() {
        DeduplicationCache cache = new DeduplicationCache(10, 10, clock);
        cache.run(key("alice", "k"), 60, "r1", call(200)).join();
        cache.run(key("bob", "k"), 60, "r2", call(200)).join();
        assertEquals(2, runs.get());
    }

    @Test
    void aCallAfterTheWindow_runsAgain() {
        DeduplicationCache cache = new DeduplicationCache(10, 10, clock);
        cache.run(key("a", "k"), 1, "r1", call(200)).join();
        clock.advance(Duration.ofMillis(1_001));
        cache.run(key("a", "k"), 1, "r2", call(200)).join();
        assertEquals(2, runs.get());
    }

    @Test
    void serverErrors_areNotRemembered() {
        DeduplicationCache cache = new DeduplicationCache(10, 10, clock);
        cache.run(key("a", "k"), 60, "r1", call(503)).join();
        cache.run(key("a", "k"), 60, "r2", call(200)).join();
        assertEquals(2, runs.get());
    }

    @Test
    void aCallerAtItsQuota_isRateLimited_andOthersCallsStayRemembered() {
        DeduplicationCache cache = new DeduplicationCache(100, 2, clock);
        ToolResult alice = cache.run(key("alice", "k"), 300, "r0", call(200)).join();
        cache.run(key("mallory", "k1"), 300, "r1", call(200)).join();
        clock.advance(Duration.ofSeconds(100));
        cache.run(key("mallory", "k2"), 300, "r2", call(200)).join();

        ToolResult refused = cache.run(key("mallory", "k3"), 300, "r3", call(200)).join();
        assertEquals(429, status(refused));
        assertEquals("RATE_LIMITED", error(refused).code());
        assertEquals(200, ((RetryLaterException) error(refused)).retryAfterSeconds(),
                "until mallory's oldest call leaves its window");
        assertEquals(DeduplicationCache.CALLER_FULL, error(refused).getMessage());
        assertEquals(3, runs.get(), "the refused call never ran");

        assertSame(alice, cache.run(key("alice", "k"), 300, "r4", call(200)).join(), "alice's call was forgotten");
        assertEquals(200, status(cache.run(key("mallory", "k1"), 300, "r5", call(200)).join()),
                "a repeat of a remembered call is still answered");
        assertEquals(3, runs.get());

        clock.advance(Duration.ofSeconds(201)); // mallory's first call leaves its window
        assertEquals(200, status(cache.run(key("mallory", "k3"), 300, "r6", call(200)).join()));
    }

    @Test
    void aFullMemory_refusesNewCalls_andForgetsNone() {
        DeduplicationCache cache = new DeduplicationCache(2, 10, clock);
        ToolResult a = cache.run(key("alice", "a"), 60, "r1", call(200)).join();
        ToolResult b = cache.run(key("bob", "b"), 60, "r2", call(200)).join();

        ToolResult refused = cache.run(key("carol", "c"), 60, "r3", call(200)).join();
        assertEquals(503, status(refused));
        assertEquals("UNAVAILABLE", error(refused).code());
        assertTrue(((RetryLaterException) error(refused)).retryAfterSeconds() > 0);
        assertSame(a, cache.run(key("alice", "a"), 60, "r4", call(200)).join());
        assertSame(b, cache.run(key("bob", "b"), 60, "r5", call(200)).join());
        assertEquals(2, runs.get());

        clock.advance(Duration.ofSeconds(61));
        assertEquals(200, status(cache.run(key("carol", "c"), 60, "r6", call(200)).join()));
    }

    @Test
    void aCallThatThrowsSynchronously_doesNotLeaveTheNextIdenticalCallWaiting() throws Exception {
        DeduplicationCache cache = new DeduplicationCache(10, 10, clock);
        AtomicReference<CompletableFuture<ToolResult>> follower = new AtomicReference<>();
        Supplier<CompletableFuture<ToolResult>> throwing = () -> {
            // an identical call arriving while the first one starts waits for it
            follower.set(cache.run(key("a", "k"), 60, "r2", call(200)));
            throw new RejectedExecutionException("the scheduler is shutting down");
        };

        CompletableFuture<ToolResult> first = startIgnoringThrows(() -> cache.run(key("a", "k"), 60, "r1", throwing));
        if (first != null) {
            assertEquals(500, status(first.get(5, TimeUnit.SECONDS)));
        }
        assertEquals(500, status(follower.get().get(5, TimeUnit.SECONDS)), "the waiting call got an answer");

        ToolResult next = cache.run(key("a", "k"), 60, "r3", call(200)).get(5, TimeUnit.SECONDS);
        assertEquals(200, status(next));
        assertEquals(1, runs.get(), "the next identical call ran on its own");
    }

    /** The old code let the throw escape; either way, what matters is what later calls get. */
    private static CompletableFuture<ToolResult> startIgnoringThrows(Supplier<CompletableFuture<ToolResult>> start) {
        try {
            return start.get();
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private static int status(ToolResult result) {
        return result instanceof ToolResult.Failure failure ? failure.error().status() : 200;
    }

    private static ToolException error(ToolResult result) {
        return ((ToolResult.Failure) result).error();
    }
}
