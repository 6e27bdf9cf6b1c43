package dev.toolwire.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.RateLimitConfiguration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The fixed-window counter, on a clock the test controls. */
class CallerRateLimiterTest {

    private static final Instant WINDOW = Instant.ofEpochSecond(1_800_000_000L - 1_800_000_000L % 60);

    @Test
    void countsPerKeyAndResetsWithTheWindow() {
        CallerRateLimiter limiter = new CallerRateLimiter(new RateLimitConfiguration(true, 2, 100));
        assertTrue(limiter.acquire("a", WINDOW).join().orElseThrow().allowed());
        CallerRateLimiter.Decision second = limiter.acquire("a", WINDOW.plusSeconds(10)).join().orElseThrow();
        assertTrue(second.allowed());
        assertEquals(0, second.remaining());
        CallerRateLimiter.Decision third = limiter.acquire("a", WINDOW.plusSeconds(50)).join().orElseThrow();
        assertFalse(third.allowed());
        assertEquals(WINDOW.getEpochSecond() + 60, third.resetEpochSeconds());
        assertEquals(10, third.retryAfterSeconds());
        assertTrue(limiter.acquire("b", WINDOW.plusSeconds(50)).join().orElseThrow().allowed(), "another key");
        assertTrue(limiter.acquire("a", WINDOW.plusSeconds(60)).join().orElseThrow().allowed(), "a new window");
    }

    @Test
    void idleKeysAreForgottenPastTheBound() {
        CallerRateLimiter limiter = new CallerRateLimiter(new RateLimitConfiguration(true, 1, 2));
        limiter.acquire("a", WINDOW).join();
        limiter.acquire("b", WINDOW).join();
        limiter.acquire("c", WINDOW).join();
        assertTrue(limiter.acquire("a", WINDOW).join().orElseThrow().allowed(), "a was evicted, so it starts over");
        assertFalse(limiter.acquire("c", WINDOW).join().orElseThrow().allowed(), "c is still tracked");
    }

    @Test
    void offByDefault() {
        assertTrue(new CallerRateLimiter(new RateLimitConfiguration(false, 1, 1)).acquire("a", WINDOW).join().isEmpty());
    }
}
