package dev.toolwire.redis;

import dev.toolwire.runtime.store.Digests;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.micronaut.configuration.lettuce.AbstractRedisConfiguration;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Internal;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The store's one connection to Redis, opened on first use and reopened by Lettuce after a drop.
 * While Redis is out of reach, commands fail at once rather than queue (Lettuce's
 * {@code REJECT_COMMANDS}), a new connection is tried at most once a second, and every command is
 * bounded by {@code toolwire.redis.timeout}, so a call never hangs on the store.
 */
@Singleton
@Internal
@Requires(property = RedisStoreConfiguration.STORE, value = "redis")
final class SharedRedis implements AutoCloseable {

    private static final long RECONNECT_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long OUTAGE_WARNING_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final RedisClient client;
    private final RedisURI uri;
    private final Duration timeout;
    private final String prefix;
    private final String replica;
    private final ScheduledExecutorService scheduler;
    private @Nullable CompletableFuture<StatefulRedisConnection<String, String>> connection;
    private long lastFailure;
    private boolean closed;
    private final AtomicLong lastOutageWarning = new AtomicLong(System.nanoTime() - OUTAGE_WARNING_PAUSE_NANOS);

    SharedRedis(BeanProvider<RedisClient> clients, BeanProvider<AbstractRedisConfiguration> uris,
            RedisStoreConfiguration config) {
        if (!clients.isPresent() || !uris.isPresent()) {
            throw new ConfigurationException(RedisStoreConfiguration.STORE + "=redis needs Micronaut Redis's redis.uri,"
                    + " for example redis://localhost:6379");
        }
        this.client = clients.get();
        AbstractRedisConfiguration configured = uris.get();
        this.uri = configured.getUri().orElse(configured);
        this.timeout = !config.timeout().isNegative() && !config.timeout().isZero() ? config.timeout() : Duration.ofSeconds(2);
        this.prefix = config.keyPrefix();
        this.replica = describeReplica();
        this.client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .build());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "toolwire-redis");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs one command.
     *
     * @param command the command on the connection's asynchronous API
     * @param <T> its result
     * @return the result; fails with a {@link TimeoutException} past the timeout, or with Redis's error
     */
    <T> CompletableFuture<T> run(Function<RedisAsyncCommands<String, String>, RedisFuture<T>> command) {
        return connection()
                .thenCompose(open -> command.apply(open.async()).toCompletableFuture())
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs a Lua script atomically: by its digest, sending the text only when Redis does not know it.
     *
     * @param script the script
     * @param output what it returns
     * @param keys its keys
     * @param args its arguments
     * @param <T> its result
     * @return the result, bounded like {@link #run}
     */
    <T> CompletableFuture<T> script(RedisScript script, ScriptOutputType output, String[] keys, String... args) {
        return connection().thenCompose(open -> {
            RedisAsyncCommands<String, String> commands = open.async();
            CompletableFuture<T> bySha = commands.<T>evalsha(script.sha1(), output, keys, args).toCompletableFuture();
            return bySha.handle((result, failure) -> failure == null
                            ? CompletableFuture.completedFuture(result)
                            : unwrap(failure) instanceof RedisNoScriptException
                                    ? commands.<T>eval(script.text(), output, keys, args).toCompletableFuture()
                                    : CompletableFuture.<T>failedFuture(unwrap(failure)))
                    .thenCompose(Function.identity());
        }).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Waits for a command on a thread that may block.
     *
     * @param pending the command
     * @param <T> its result
     * @return the result
     * @throws RedisUnreachableException when it failed or timed out
     */
    <T> T await(CompletableFuture<T> pending) {
        try {
            return pending.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisUnreachableException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RedisUnreachableException(unwrap(e));
        }
    }

    /**
     * Logs that a command failed: a warning at most every 30 seconds, the rest at DEBUG, so an outage
     * under load (or callers hammering it) cannot write a warning per request.
     *
     * @param log the logger of the part that failed
     * @param what what could not be done
     * @param failure why
     */
    void outage(Logger log, String what, Throwable failure) {
        String why = unwrap(failure).getMessage();
        long now = System.nanoTime();
        long last = lastOutageWarning.get();
        if (now - last >= OUTAGE_WARNING_PAUSE_NANOS && lastOutageWarning.compareAndSet(last, now)) {
            log.warn("{}: Redis is out of reach ({}); such failures are logged at DEBUG for the next 30 s", what, why);
        } else {
            log.debug("{}: Redis is out of reach ({})", what, why);
        }
    }

    /**
     * A key of this store: the prefix, then the parts joined by {@code :}.
     *
     * @param parts the parts
     * @return the key
     */
    String key(String... parts) {
        return prefix + String.join(":", parts);
    }

    /** @return this replica, as other replicas read it in a lock or a job: host, process and a random part */
    String replica() {
        return replica;
    }

    /** @return the thread that renews leases and paces waits */
    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** @return the bound of one command */
    Duration timeout() {
        return timeout;
    }

    /**
     * A short, fixed-length stand-in for an arbitrary text (a subject, a lock name) in a key.
     *
     * @param text the text
     * @return the first 32 hex digits of its SHA-256
     */
    static String digest(String text) {
        return Digests.sha256Hex(text.getBytes(StandardCharsets.UTF_8), 16);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private synchronized CompletableFuture<StatefulRedisConnection<String, String>> connection() {
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection;
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("The Redis store is closed"));
        }
        boolean failed = current != null && current.isCompletedExceptionally();
        if (current != null && (!failed || System.nanoTime() - lastFailure < RECONNECT_PAUSE_NANOS)) {
            return current;
        }
        CompletableFuture<StatefulRedisConnection<String, String>> attempt =
                client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
        attempt.whenComplete((open, failure) -> {
            if (failure != null) {
                synchronized (this) {
                    lastFailure = System.nanoTime();
                }
            }
        });
        connection = attempt;
        return attempt;
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        closed = true;
        scheduler.shutdownNow();
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection;
        if (current != null) {
            current.thenAccept(StatefulRedisConnection::closeAsync);
        }
    }

    private static String describeReplica() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
