package dev.toolwire.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ExpiringMapTest {

    @Test
    void anEntryReadsAsAbsentFromItsEnd() {
        ExpiringMap<String, String> map = new ExpiringMap<>(10);
        map.put("a", "first", 1_000, 2_000);
        assertEquals("first", map.get("a", 1_999));
        assertNull(map.get("a", 2_000));
        map.put("b", "already over", 3_000, 3_000);
        assertNull(map.get("b", 3_000), "an entry that has already ended is not kept");
    }

    @Test
    void update_keepsTheLiveEntrysEnd_andStartsAfreshAfterIt() {
        ExpiringMap<String, Integer> map = new ExpiringMap<>(10);
        assertEquals(1, map.update("k", 0, 1_000, n -> n == null ? 1 : n + 1));
        assertEquals(2, map.update("k", 500, 9_000, n -> n == null ? 1 : n + 1), "a live entry is changed");
        assertEquals(2, map.get("k", 999));
        assertNull(map.get("k", 1_000), "and keeps the end it was created with");
        assertEquals(1, map.update("k", 1_000, 2_000, n -> n == null ? 1 : n + 1), "an ended entry reads as none");
    }

    @Test
    void pastItsCapacity_theLeastRecentlyUsedGoes() {
        ExpiringMap<String, String> map = new ExpiringMap<>(2);
        map.put("x", "1", 0, 10);
        map.put("y", "2", 0, 10);
        map.get("x", 1);
        map.put("z", "3", 0, 10);
        assertEquals(2, map.size());
        assertNull(map.get("y", 1));
        assertEquals("1", map.get("x", 1));
    }

    @Test
    void concurrentUpdates_loseNoCount() throws Exception {
        ExpiringMap<String, Long> map = new ExpiringMap<>(100);
        int threads = 8;
        int each = 5_000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        map.update("caller", 0, Long.MAX_VALUE, n -> n == null ? 1L : n + 1);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals((long) threads * each, map.get("caller", 0));
        assertTrue(map.size() <= 100);
    }
}
