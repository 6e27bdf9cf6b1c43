package dev.toolwire.runtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Limits of job-mode tools ({@code toolwire.jobs.*}): how many jobs the in-memory {@link JobStore}
 * keeps, in all and per caller, and how many run at once.
 *
 * @param maxEntries {@code toolwire.jobs.max-entries}: jobs the in-memory {@code JobStore} keeps,
 *     running or finished, of all callers. When it is full, expired jobs go first, then the oldest
 *     finished job of the caller starting a new one; a caller with none is answered
 *     {@code 503 UNAVAILABLE}: another caller's job is never forgotten to make room. Default
 *     {@code 1000}.
 * @param maxPerCaller {@code toolwire.jobs.max-per-caller}: jobs the in-memory {@code JobStore}
 *     keeps for one caller (one authenticated subject; callers without one share a quota). A caller
 *     at its quota that starts another job forgets its own oldest finished job; when all of its jobs
 *     are still running it is answered {@code 429 RATE_LIMITED}. Default {@code 100}.
 * @param maxConcurrent {@code toolwire.jobs.max-concurrent}: jobs that run at once, of all callers.
 *     On JDK 21 and newer they run on virtual threads of Micronaut's blocking executor; on JDK 17 on
 *     a pool of at most this many threads. Default {@code 32}.
 * @param queueSize {@code toolwire.jobs.queue-size}: jobs that may wait for one of those slots;
 *     when every slot and place in the queue is taken, a new job is answered
 *     {@code 503 UNAVAILABLE} with {@code Retry-After}. Default {@code 64}.
 */
@ConfigurationProperties(JobsConfiguration.PREFIX)
public record JobsConfiguration(
        @Bindable(defaultValue = "1000") int maxEntries,
        @Bindable(defaultValue = "100") int maxPerCaller,
        @Bindable(defaultValue = "32") int maxConcurrent,
        @Bindable(defaultValue = "64") int queueSize) {

    /** The property prefix, {@value}. */
    public static final String PREFIX = "toolwire.jobs";
}
