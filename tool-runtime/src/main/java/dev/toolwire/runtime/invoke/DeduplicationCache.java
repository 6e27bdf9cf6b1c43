package dev.toolwire.runtime.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.DeduplicationConfiguration;
import dev.toolwire.runtime.ToolContext;
import dev.toolwire.runtime.ToolResult;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.store.CallKey;
import dev.toolwire.runtime.store.Digests;
import dev.toolwire.runtime.store.RetryMemory;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes retried calls of retry-safe tools ({@code @Idempotent}) act once: a call identical to one
 * made within the tool's window (same tool, same caller, same arguments after defaults) answers the
 * first call's result, and a call identical to one still running waits for it. Outcomes of
 * {@code 5xx} (including {@code TIMEOUT}), and calls that fail to start, are not kept, so a retry
 * after a failure acts again. Forgetting a call early would let its retry act twice, so the memory
 * never forgets one to make room: at most {@code toolwire.deduplication.max-per-caller} calls
 * (default 1000) of one caller are remembered, then that caller is answered {@code 429 RATE_LIMITED};
 * at most {@code toolwire.deduplication.max-entries} (default 10000) in all, then new calls are
 * answered {@code 503 UNAVAILABLE}. Repeats of remembered calls are always answered.
 */
@Singleton
@Secondary
@Internal
public final class DeduplicationCache implements RetryMemory {

    /** What a caller at its quota hears. */
    public static final String CALLER_FULL = "I can't do that right now because too many requests like it were made in a short"
            + " time. Please try again in a few minutes.";
    /** What a caller hears when the memory is full of other callers' calls. */
    static final String FULL = "I'm too busy to do that right now. Please try again in a moment.";

    private static final Logger LOG = LoggerFactory.getLogger(DeduplicationCache.class);
    /** Writes arguments as JSON with the keys of every object sorted, so equal arguments write equal bytes. */
    private static final ObjectWriter CANONICAL = Json.MAPPER.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

    private final int maxEntries;
    private final int maxPerCaller;
    private final Clock clock;
    private final Map<CallKey, Entry> entries = new LinkedHashMap<>();
    private final CallerGroups<Entry> byCaller = new CallerGroups<>();
    private Instant nextSweep = Instant.MIN;

    /**
     * Creates the cache.
     *
     * @param config {@code toolwire.deduplication.*}
     */
    @Inject
    public DeduplicationCache(DeduplicationConfiguration config) {
        this(config.maxEntries(), config.maxPerCaller(), Clock.systemUTC());
    }

    DeduplicationCache(int maxEntries, int maxPerCaller, Clock clock) {
        this.maxEntries = Math.max(1, maxEntries);
        this.maxPerCaller = Math.max(1, maxPerCaller);
        this.clock = clock;
    }

    /** A remembered call: its outcome, and until when it counts (unset while it runs). */
    private static final class Entry {
        final CallKey key;
        final CompletableFuture<ToolResult> outcome = new CompletableFuture<>();
        volatile Instant until = Instant.MAX;

        Entry(CallKey key) {
            this.key = key;
        }
    }

    @Override
    public CompletableFuture<ToolResult> run(CallKey key, Duration window, Duration timeout, String requestId,
            Supplier<CompletableFuture<ToolResult>> call) {
        return run(key, (int) Math.min(Integer.MAX_VALUE, window.toSeconds()), requestId, call);
    }

    /**
     * Runs a call unless an identical one ran within the window or is running, or its caller is at
     * its quota. An identical call waits for a running one however long it takes: the first call is
     * bounded by its own deadline.
     */
    CompletableFuture<ToolResult> run(
            CallKey key, int windowSeconds, String requestId, Supplier<CompletableFuture<ToolResult>> call) {
        Entry mine = new Entry(key);
        synchronized (this) {
            Instant now = clock.instant();
            Entry first = entries.get(key);
            if (first != null && first.until.isAfter(now)) {
                LOG.debug("Repeated call answered with the first call's outcome");
                return first.outcome;
            }
            if (first != null) {
                forget(first);
            }
            try {
                makeRoom(key.caller(), now, windowSeconds);
            } catch (RetryLaterException e) {
                LOG.debug("Call of a retry-safe tool refused with {} (request {})", e.code(), requestId);
                return CompletableFuture.completedFuture(new ToolResult.Failure(e));
            }
            entries.put(key, mine);
            byCaller.add(key.caller(), mine);
        }
        CompletableFuture<ToolResult> started;
        try {
            started = call.get();
        } catch (RuntimeException | Error e) { // e.g. an executor refusing while the server stops
            drop(mine);
            mine.outcome.complete(new ToolResult.Failure(ToolFailures.internal())); // and whoever waits on it
            if (e instanceof Error error) {
                throw error;
            }
            LOG.error("A call of a retry-safe tool failed to start (request {})", requestId, e);
            return mine.outcome;
        }
        started.whenComplete((outcome, failure) -> {
            if (outcome == null || !RetryMemory.keeps(outcome)) {
                drop(mine);
            } else {
                mine.until = clock.instant().plusSeconds(windowSeconds);
            }
            mine.outcome.complete(outcome != null ? outcome : new ToolResult.Failure(ToolFailures.internal()));
        });
        return mine.outcome;
    }

    /**
     * Makes room for one more call of a caller, forgetting only calls past their window.
     *
     * @throws RetryLaterException when the caller is at its quota, or the memory is full
     */
    private void makeRoom(String caller, Instant now, int windowSeconds) {
        if (byCaller.count(caller) >= maxPerCaller) {
            Instant soonest = now.plusSeconds(windowSeconds);
            for (Entry entry : byCaller.entriesOf(caller)) {
                if (!entry.until.isAfter(now)) {
                    forget(entry);
                } else if (entry.until.isBefore(soonest)) {
                    soonest = entry.until;
                }
            }
            if (byCaller.count(caller) >= maxPerCaller) {
                throw RetryLaterException.rateLimited(CALLER_FULL, RetryLaterException.secondsUntil(now, soonest));
            }
        }
        if (entries.size() >= maxEntries && !now.isBefore(nextSweep)) {
            // Looks through all calls at most once a second, not on every call: with thousands
            // remembered that walk would cost more than the call.
            for (Entry entry : List.copyOf(entries.values())) {
                if (!entry.until.isAfter(now)) {
                    forget(entry);
                }
            }
            nextSweep = now.plus(SWEEP_EVERY);
        }
        if (entries.size() >= maxEntries) {
            throw RetryLaterException.busy(FULL);
        }
    }

    private synchronized void drop(Entry entry) {
        forget(entry);
    }

    private void forget(Entry entry) {
        if (entries.remove(entry.key, entry)) {
            byCaller.remove(entry.key.caller(), entry);
        }
    }

    synchronized int size() {
        return entries.size();
    }

    /**
     * The identity of a call: tool, caller and a digest of its arguments with sorted keys. Only the
     * arguments of the schema count; extra fields, which the tool ignores, do not.
     *
     * @param tool the tool
     * @param arguments the merged arguments, defaults filled
     * @param context the call's context, for the caller
     * @return the key
     */
    static CallKey key(RegisteredTool tool, ObjectNode arguments, ToolContext context) {
        ObjectNode known = Json.MAPPER.createObjectNode();
        tool.descriptor().params().path("properties").fieldNames().forEachRemaining(name -> {
            JsonNode value = arguments.get(name);
            if (value != null) {
                known.set(name, value);
            }
        });
        byte[] canonical;
        try {
            canonical = CANONICAL.writeValueAsBytes(known);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new CallKey(CallerGroups.of(context.subject().orElse(null)), tool.name() + "|" + Digests.sha256Hex(canonical, 32));
    }
}
