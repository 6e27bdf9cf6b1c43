package dev.toolwire.runtime.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The retry memory on its own: answered again within the window, bounded, forgotten after it. */
class DeduplicationCacheTest {

    private final AtomicInteger runs = new AtomicInteger();

    private Supplier<CompletableFuture<ToolOutcome>> call(int status) {
        return () -> {
            int run = runs.incrementAndGet();
            return CompletableFuture.completedFuture(
                    new ToolOutcome(status, null, ("{\"run\":" + run + "}").getBytes(StandardCharsets.UTF_8)));
        };
    }

    @Test
    void aRepeatedCall_getsTheFirstOutcome_withoutRunningAgain() {
        DeduplicationCache cache = new DeduplicationCache(10);
        ToolOutcome first = cache.run("k", 60, call(200)).join();
        ToolOutcome again = cache.run("k", 60, call(200)).join();
        assertSame(first, again);
        assertEquals(1, runs.get());
        assertEquals(1, cache.size());
    }

    @Test
    void aFullCache_forgetsTheOldestCall() {
        DeduplicationCache cache = new DeduplicationCache(2);
        cache.run("a", 60, call(200)).join();
        cache.run("b", 60, call(200)).join();
        cache.run("c", 60, call(200)).join();
        assertEquals(2, cache.size());
        cache.run("a", 60, call(200)).join();
        assertEquals(4, runs.get(), "a was forgotten, so it ran again");
        cache.run("c", 60, call(200)).join();
        assertEquals(4, runs.get(), "c is still remembered");
    }

    @Test
    void aCallAfterTheWindow_runsAgain() throws InterruptedException {
        DeduplicationCache cache = new DeduplicationCache(10);
        cache.run("k", 1, call(200)).join();
        Thread.sleep(1_100);
        cache.run("k", 1, call(200)).join();
        assertEquals(2, runs.get());
    }

    @Test
    void serverErrors_areNotRemembered() {
        DeduplicationCache cache = new DeduplicationCache(10);
        cache.run("k", 60, call(503)).join();
        cache.run("k", 60, call(200)).join();
        assertEquals(2, runs.get());
    }
}
