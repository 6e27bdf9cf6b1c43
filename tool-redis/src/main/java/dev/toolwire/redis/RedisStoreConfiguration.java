package dev.toolwire.redis;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How the Redis store talks to Redis ({@code toolwire.redis.*}); the server itself is Micronaut
 * Redis's {@code redis.uri}.
 *
 * @param timeout {@code toolwire.redis.timeout}: the longest a call waits for one Redis command
 *     before it is answered {@code 503 UNAVAILABLE}. Default {@code 2s}.
 * @param keyPrefix {@code toolwire.redis.key-prefix}: the start of every key, so several services
 *     can share one Redis. Default {@code toolwire:}.
 * @param jobLease {@code toolwire.redis.job-lease}: how long a running job stays "running" after
 *     the replica running it stops renewing it (because it died); its status then says the job was
 *     lost. Renewed every third of it. Default {@code 15s}.
 */
@ConfigurationProperties(RedisStoreConfiguration.PREFIX)
public record RedisStoreConfiguration(
        @Bindable(defaultValue = "2s") Duration timeout,
        @Bindable(defaultValue = "toolwire:") String keyPrefix,
        @Bindable(defaultValue = "15s") Duration jobLease) {

    /** The property prefix, {@value}. */
    public static final String PREFIX = "toolwire.redis";

    /** The property that selects this store, {@value}. */
    public static final String STORE = "toolwire.store";
}
