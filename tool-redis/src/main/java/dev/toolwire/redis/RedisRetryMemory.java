package dev.toolwire.redis;

import dev.toolwire.runtime.DeduplicationConfiguration;
import dev.toolwire.runtime.ToolResult;
import dev.toolwire.runtime.invoke.DeduplicationCache;
import dev.toolwire.runtime.invoke.ToolFailures;
import dev.toolwire.runtime.invoke.RetryLaterException;
import dev.toolwire.runtime.store.CallKey;
import dev.toolwire.runtime.store.RetryMemory;
import io.lettuce.core.ScriptOutputType;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Internal;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry memory of {@code @Idempotent} tools on Redis, shared by every replica. The first call
 * claims its key atomically (a script that also enforces the caller's quota,
 * {@code toolwire.deduplication.max-per-caller}) and runs; an identical call on any replica finds the
 * claim and waits for the first outcome, at most the tool's timeout and a little more, then answers
 * it. A {@code 5xx} outcome releases the claim instead of being kept, so a retry after a failure acts
 * again; so does a claim whose replica died, once its hold (the tool's timeout plus a margin) ends.
 * While Redis is out of reach, calls are answered {@code 503 UNAVAILABLE} and never run: running
 * them unchecked is how a booking gets made twice.
 */
@Singleton
@Internal
@Requires(property = RedisStoreConfiguration.STORE, value = "redis")
final class RedisRetryMemory implements RetryMemory {

    /** What a caller hears while the retry memory is out of reach. */
    static final String UNREACHABLE = "I can't check right now whether that was already done, so I haven't done it."
            + " Please try again in a moment.";
    /** What a caller hears when the first of its identical calls is still running after its timeout. */
    static final String STILL_RUNNING = "I'm still working on the same request you made a moment ago."
            + " Please try again in a moment.";

    private static final Logger LOG = LoggerFactory.getLogger(RedisRetryMemory.class);
    private static final Duration HOLD_MARGIN = Duration.ofSeconds(10);
    private static final long FIRST_POLL_MILLIS = 20;
    private static final long MAX_POLL_MILLIS = 250;

    /**
     * KEYS[1] the call, KEYS[2] the caller's calls (scored by when they may be forgotten); ARGV[1] the
     * claim, ARGV[2] its hold in ms, ARGV[3] the caller's quota, ARGV[4] the call's member, ARGV[5] the
     * caller set's lifetime in ms. Answers the value found, {@code Q<ms until room>}, or {@code C}.
     */
    private static final RedisScript CLAIM = RedisScript.of("""
            local found = redis.call('GET', KEYS[1])
            if found then return found end
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
            if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then
              local soonest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
              return 'Q' .. math.max(0, tonumber(soonest[2]) - now)
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[4])
            if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[5]) then redis.call('PEXPIRE', KEYS[2], ARGV[5]) end
            return 'C'
            """);

    /**
     * KEYS as {@link #CLAIM}; ARGV[1] the claim, ARGV[2] the outcome to keep or '' to forget the call,
     * ARGV[3] the window in ms, ARGV[4] the member, ARGV[5] the caller set's lifetime in ms. Acts only
     * while the claim is still this call's.
     */
    private static final RedisScript FINISH = RedisScript.of("""
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            if ARGV[2] == '' then
              redis.call('DEL', KEYS[1])
              redis.call('ZREM', KEYS[2], ARGV[4])
              return 1
            end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[4])
            if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[5]) then redis.call('PEXPIRE', KEYS[2], ARGV[5]) end
            return 1
            """);

    private final SharedRedis redis;
    private final int maxPerCaller;
    private final Executor executor;
    private final OutcomeCodec codec;

    RedisRetryMemory(SharedRedis redis, DeduplicationConfiguration config, @Named(TaskExecutors.BLOCKING) Executor executor,
            JsonMapper json) {
        this.redis = redis;
        this.codec = new OutcomeCodec(json);
        this.maxPerCaller = Math.max(1, config.maxPerCaller());
        this.executor = executor;
    }

    @Override
    public CompletableFuture<ToolResult> run(CallKey key, Duration window, Duration timeout, String requestId,
            Supplier<CompletableFuture<ToolResult>> call) {
        Call attempt = new Call(key, window, timeout, requestId, call);
        return attempt.claim();
    }

    /** One call: its keys, its claim, and how long an identical call may wait for it. */
    private final class Call {
        final String entry;
        final String callerCalls;
        final String member;
        final String claim = "P" + UUID.randomUUID();
        final Duration window;
        final Duration hold;
        final long waitUntil;
        final String requestId;
        final Supplier<CompletableFuture<ToolResult>> call;

        Call(CallKey key, Duration window, Duration timeout, String requestId, Supplier<CompletableFuture<ToolResult>> call) {
            String caller = "{" + SharedRedis.digest(key.caller()) + "}"; // one hash slot per caller
            this.entry = redis.key("retry", caller, key.call());
            this.callerCalls = redis.key("retry", caller);
            this.member = key.call();
            this.window = window;
            this.hold = timeout.plus(HOLD_MARGIN);
            this.waitUntil = System.nanoTime() + hold.toNanos();
            this.requestId = requestId;
            this.call = call;
        }

        CompletableFuture<ToolResult> claim() {
            return redis.<String>script(CLAIM, ScriptOutputType.VALUE, keys(), claim, millis(hold),
                            Integer.toString(maxPerCaller), member, millis(callerSetLifetime()))
                    .handle((answer, failure) -> {
                        if (failure != null) {
                            return CompletableFuture.<ToolResult>completedFuture(unreachable(failure));
                        }
                        if (answer.equals("C")) {
                            return runFirst();
                        }
                        if (answer.startsWith("Q")) {
                            long wait = Long.parseLong(answer.substring(1));
                            return CompletableFuture.<ToolResult>completedFuture(new ToolResult.Failure(RetryLaterException.rateLimited(
                                    DeduplicationCache.CALLER_FULL, (int) Math.max(1, (wait + 999) / 1000))));
                        }
                        return answered(answer);
                    })
                    .thenCompose(Function.identity());
        }

        /** The claim is ours: run on a thread that may block, then keep or release the outcome. */
        private CompletableFuture<ToolResult> runFirst() {
            CompletableFuture<ToolResult> outcome;
            try {
                outcome = CompletableFuture.supplyAsync(call, executor).thenCompose(Function.identity());
            } catch (RuntimeException e) { // the executor refused: the server is stopping
                outcome = CompletableFuture.failedFuture(e);
            }
            return outcome
                    .exceptionally(failure -> {
                        LOG.error("A call of a retry-safe tool failed to start (request {})", requestId, failure);
                        return new ToolResult.Failure(ToolFailures.internal());
                    })
                    .thenCompose(done -> finish(done).thenApply(ignored -> done));
        }

        private CompletableFuture<Void> finish(ToolResult outcome) {
            String kept = RetryMemory.keeps(outcome) ? codec.encode(outcome) : "";
            return redis.<Long>script(FINISH, ScriptOutputType.INTEGER, keys(), claim, kept, millis(window), member,
                            millis(callerSetLifetime()))
                    .handle((written, failure) -> {
                        if (failure != null) {
                            redis.outage(LOG, "Could not record the outcome of a retry-safe call (request " + requestId
                                    + "); a retry waits until its claim lapses", failure);
                        }
                        return null;
                    });
        }

        /** Another call holds the key: its outcome, or a wait for it. */
        private CompletableFuture<ToolResult> answered(String value) {
            if (value.startsWith("O")) {
                LOG.debug("Repeated call answered with the first call's outcome (request {})", requestId);
                return CompletableFuture.completedFuture(decode(value));
            }
            return later(FIRST_POLL_MILLIS);
        }

        private CompletableFuture<ToolResult> later(long pause) {
            if (System.nanoTime() - waitUntil > 0) {
                return CompletableFuture.<ToolResult>completedFuture(new ToolResult.Failure(RetryLaterException.unavailable(STILL_RUNNING, 5)));
            }
            CompletableFuture<ToolResult> next = new CompletableFuture<>();
            redis.scheduler().schedule(() -> poll(pause).whenComplete((outcome, failure) -> next.complete(
                    failure == null ? outcome : unreachable(failure))), pause, TimeUnit.MILLISECONDS);
            return next;
        }

        private CompletableFuture<ToolResult> poll(long pause) {
            return redis.run(c -> c.get(entry)).thenCompose(value -> {
                if (value == null) {
                    return claim(); // the first call failed or its replica died: this one may act
                }
                if (value.startsWith("O")) {
                    return CompletableFuture.completedFuture(decode(value));
                }
                return later(Math.min(MAX_POLL_MILLIS, pause * 3 / 2));
            });
        }

        private ToolResult decode(String value) {
            try {
                return codec.decode(value);
            } catch (IllegalArgumentException e) {
                LOG.error("The retry memory holds something that is not an outcome at one key (request {})", requestId);
                return new ToolResult.Failure(ToolFailures.internal());
            }
        }

        private ToolResult unreachable(Throwable failure) {
            redis.outage(LOG, "Retry memory refused a call (request " + requestId + ")", failure);
            return new ToolResult.Failure(RetryLaterException.unavailable(UNREACHABLE, 5));
        }

        private String[] keys() {
            return new String[] {entry, callerCalls};
        }

        private Duration callerSetLifetime() {
            return (window.compareTo(hold) > 0 ? window : hold).plusMinutes(1);
        }
    }

    private static String millis(Duration duration) {
        return Long.toString(Math.max(1, duration.toMillis()));
    }
}
