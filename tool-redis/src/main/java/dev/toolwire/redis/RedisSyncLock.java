package dev.toolwire.redis;

import dev.toolwire.runtime.store.SyncLock;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up sync lock on Redis: {@code SET NX} with a lease, renewed every third of it while held
 * and released only by its holder (both by scripts that compare the holder's token first). A holder
 * that dies stops renewing and the lock lapses with its lease.
 */
@Singleton
@Internal
@Requires(property = RedisStoreConfiguration.STORE, value = "redis")
final class RedisSyncLock implements SyncLock {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSyncLock.class);

    /** KEYS[1] the lock; ARGV[1] the holder's token; ARGV[2] the lease in ms. */
    private static final RedisScript RENEW = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0
            """);
    /** KEYS[1] the lock; ARGV[1] the holder's token. */
    private static final RedisScript RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """);

    private final SharedRedis redis;

    RedisSyncLock(SharedRedis redis) {
        this.redis = redis;
    }

    @Override
    public Optional<Lease> tryAcquire(String name, Duration lease) {
        String key = lockKey(name);
        String token = redis.replica() + " " + UUID.randomUUID();
        String answer = redis.await(redis.run(c -> c.set(key, token, SetArgs.Builder.nx().px(lease.toMillis()))));
        if (!"OK".equals(answer)) {
            return Optional.empty();
        }
        long every = Math.max(100, lease.toMillis() / 3);
        ScheduledFuture<?> renewal = redis.scheduler().scheduleAtFixedRate(() -> renew(key, token, lease), every, every,
                TimeUnit.MILLISECONDS);
        return Optional.of(() -> {
            renewal.cancel(false);
            try {
                redis.await(redis.<Long>script(RELEASE, ScriptOutputType.INTEGER, new String[] {key}, token));
            } catch (RedisUnreachableException e) {
                LOG.warn("Could not release the sync lock ({}); it lapses on its own within {}", e.getMessage(), lease);
            }
        });
    }

    @Override
    public Optional<String> holder(String name) {
        String token = redis.await(redis.run(c -> c.get(lockKey(name))));
        return token == null ? Optional.empty() : Optional.of(token.substring(0, Math.max(0, token.indexOf(' '))));
    }

    private void renew(String key, String token, Duration lease) {
        redis.<Long>script(RENEW, ScriptOutputType.INTEGER, new String[] {key}, token, Long.toString(lease.toMillis()))
                .whenComplete((renewed, failure) -> {
                    if (failure != null) {
                        LOG.warn("Could not renew the sync lock: {}", SharedRedis.unwrap(failure).getMessage());
                    } else if (renewed == 0) {
                        LOG.warn("The sync lock lapsed while this replica was syncing; another replica may sync too");
                    }
                });
    }

    private String lockKey(String name) {
        return redis.key("lock", SharedRedis.digest(name));
    }
}
