package dev.toolwire.redis;

import dev.toolwire.runtime.store.RateCounter;
import io.lettuce.core.ScriptOutputType;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;

/**
 * Counts each credential's calls over every replica: one key per credential and window, incremented
 * and given its expiry in one script, so one round trip per call and no count without an expiry.
 */
@Singleton
@Internal
@Requires(property = RedisStoreConfiguration.STORE, value = "redis")
final class RedisRateCounter implements RateCounter {

    /** KEYS[1] the window's counter; ARGV[1] its lifetime in seconds. */
    private static final RedisScript INCREMENT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
            return count
            """);

    private final SharedRedis redis;

    RedisRateCounter(SharedRedis redis) {
        this.redis = redis;
    }

    @Override
    public CompletableFuture<Long> increment(String key, long windowStart, int windowSeconds) {
        String counter = redis.key("rate", SharedRedis.digest(key), Long.toString(windowStart));
        // Kept a little past its window, so a replica whose clock runs behind still finds it.
        return redis.script(INCREMENT, ScriptOutputType.INTEGER, new String[] {counter},
                Integer.toString(windowSeconds + 30));
    }
}
