package dev.toolwire.runtime.hamsa;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: attempt n waits between half and all of {@code min(max, base * 2^(n-1))}. */
record Backoff(Duration base, Duration max) {

    Duration delay(int attempt) {
        long cap = max.toMillis();
        long exp = base.toMillis() << Math.min(attempt - 1, 20);
        long full = Math.max(1, Math.min(cap, exp < 0 ? cap : exp));
        long half = full / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
    }
}
