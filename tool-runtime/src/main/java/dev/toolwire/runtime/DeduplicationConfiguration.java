package dev.toolwire.runtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The retry memory of retry-safe tools ({@code @Idempotent}; {@code toolwire.deduplication.*}): how
 * many calls it remembers, in all and per caller. Forgetting a call early would let its retry act
 * twice, so a full memory refuses new calls instead of forgetting remembered ones.
 *
 * @param maxEntries {@code toolwire.deduplication.max-entries}: calls remembered (running, or
 *     finished and within their tool's window) of all callers. When it is full, a new call is
 *     answered {@code 503 UNAVAILABLE} with {@code Retry-After}. Default {@code 10000}.
 * @param maxPerCaller {@code toolwire.deduplication.max-per-caller}: calls remembered for one caller
 *     (one authenticated subject; callers without one share a quota). A caller at its quota is
 *     answered {@code 429 RATE_LIMITED} with {@code Retry-After} until its oldest call leaves its
 *     window; repeats of remembered calls are still answered. Default {@code 1000}.
 */
@ConfigurationProperties(DeduplicationConfiguration.PREFIX)
public record DeduplicationConfiguration(
        @Bindable(defaultValue = "10000") int maxEntries,
        @Bindable(defaultValue = "1000") int maxPerCaller) {

    /** The property prefix, {@value}. */
    public static final String PREFIX = "toolwire.deduplication";
}
