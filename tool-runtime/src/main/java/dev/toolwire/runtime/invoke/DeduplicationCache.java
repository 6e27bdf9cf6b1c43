package dev.toolwire.runtime.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.ToolContext;
import dev.toolwire.runtime.descriptor.Json;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes retried calls of retry-safe tools ({@code @Idempotent}) act once: a call identical to one
 * made within the tool's window (same tool, same caller, same arguments after defaults) answers the
 * first call's status and body, and a call identical to one still running waits for it. Outcomes of
 * {@code 5xx} (including {@code TIMEOUT}) are not kept, so a retry after a failure acts again. At most
 * {@code toolwire.deduplication.max-entries} calls (default 10000) are remembered; the oldest go first.
 */
@Singleton
@Internal
public final class DeduplicationCache {

    private static final Logger LOG = LoggerFactory.getLogger(DeduplicationCache.class);
    /** Writes arguments as JSON with the keys of every object sorted, so equal arguments write equal bytes. */
    private static final ObjectWriter CANONICAL = Json.MAPPER.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

    private final int maxEntries;
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private Instant nextSweep = Instant.MIN;

    /**
     * Creates the cache.
     *
     * @param maxEntries {@code toolwire.deduplication.max-entries}
     */
    public DeduplicationCache(@Value("${toolwire.deduplication.max-entries:10000}") int maxEntries) {
        this.maxEntries = Math.max(1, maxEntries);
    }

    /** A remembered call: its outcome, and until when it counts (unset while it runs). */
    private static final class Entry {
        final CompletableFuture<ToolOutcome> outcome = new CompletableFuture<>();
        volatile Instant until = Instant.MAX;
    }

    /**
     * Runs a call unless an identical one ran within the window or is running.
     *
     * @param key the call's identity, from {@link #key}
     * @param windowSeconds how long a finished call's outcome is answered again
     * @param call starts the call
     * @return the first call's outcome
     */
    CompletableFuture<ToolOutcome> run(String key, int windowSeconds, Supplier<CompletableFuture<ToolOutcome>> call) {
        Entry mine = new Entry();
        synchronized (this) {
            Entry first = entries.get(key);
            if (first != null && first.until.isAfter(Instant.now())) {
                LOG.debug("Repeated call answered with the first call's outcome");
                return first.outcome;
            }
            entries.remove(key);
            evict();
            entries.put(key, mine);
        }
        call.get().whenComplete((outcome, failure) -> {
            if (outcome == null || outcome.status() >= 500) {
                forget(key, mine);
            } else {
                mine.until = Instant.now().plusSeconds(windowSeconds);
            }
            mine.outcome.complete(outcome != null ? outcome
                    : Envelopes.internal("unknown"));
        });
        return mine.outcome;
    }

    private synchronized void forget(String key, Entry entry) {
        entries.remove(key, entry);
    }

    /**
     * Drops expired calls (looking through all of them at most once a second, not on every call:
     * with thousands remembered that walk would cost more than the call), then the oldest while
     * full. An expired call not yet dropped is never answered again: {@link #run} checks it.
     */
    private void evict() {
        Instant now = Instant.now();
        if (!now.isBefore(nextSweep)) {
            entries.values().removeIf(e -> !e.until.isAfter(now));
            nextSweep = now.plus(SWEEP_EVERY);
        }
        Iterator<Entry> oldest = entries.values().iterator();
        while (entries.size() >= maxEntries && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
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
    static String key(RegisteredTool tool, ObjectNode arguments, ToolContext context) {
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
        return tool.name() + "|" + context.subject().orElse("") + "|" + sha256(canonical);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
