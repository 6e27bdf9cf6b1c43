package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.JobRecord;
import dev.toolwire.runtime.JobStore;
import dev.toolwire.runtime.JobsConfiguration;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory {@link JobStore}: at most {@code toolwire.jobs.max-entries} jobs (default 1000), at
 * most {@code toolwire.jobs.max-per-caller} (default 100) of one caller, each forgotten after its
 * {@link JobRecord#expiresAt()}. One caller never makes another's jobs go: a caller at its quota
 * that starts a job forgets its own oldest finished one, or is refused {@code 429 RATE_LIMITED} when
 * all of its jobs still run; a full store forgets expired jobs, then the starting caller's own oldest
 * finished one, or refuses the new job {@code 503 UNAVAILABLE}. Jobs do not survive a restart. A
 * {@code JobStore} bean of the application takes its place.
 */
@Singleton
@Secondary
@Internal
public final class DefaultJobStore implements JobStore {

    /** What a caller whose jobs all still run hears when it starts one more. */
    public static final String CALLER_FULL = "I can't start another one of these while so many are still in progress."
            + " Please try again in a little while.";
    /** What a caller hears when the store is full of other callers' jobs. */
    static final String STORE_FULL = "I'm too busy to start that right now. Please try again in a moment.";
    /** Seconds a caller whose jobs all run is asked to wait: until one of them may have finished. */
    static final int CALLER_FULL_RETRY_AFTER_SECONDS = 30;

    private final int maxEntries;
    private final int maxPerCaller;
    private final Clock clock;
    private final Map<String, JobRecord> jobs = new LinkedHashMap<>();
    private final CallerGroups<String> byCaller = new CallerGroups<>();

    /**
     * Creates the store.
     *
     * @param config {@code toolwire.jobs.*}
     */
    @Inject
    public DefaultJobStore(JobsConfiguration config) {
        this(config.maxEntries(), config.maxPerCaller(), Clock.systemUTC());
    }

    DefaultJobStore(int maxEntries, int maxPerCaller, Clock clock) {
        this.maxEntries = Math.max(1, maxEntries);
        this.maxPerCaller = Math.max(1, maxPerCaller);
        this.clock = clock;
    }

    @Override
    public synchronized void admit(JobRecord job) {
        if (jobs.containsKey(job.jobId())) {
            return;
        }
        String caller = CallerGroups.of(job.subject());
        Instant now = clock.instant();
        if (byCaller.count(caller) >= maxPerCaller && !forgetOldestFinished(caller, now)) {
            throw RetryLaterException.rateLimited(CALLER_FULL, CALLER_FULL_RETRY_AFTER_SECONDS);
        }
        if (jobs.size() >= maxEntries) {
            forgetExpired(now);
        }
        if (jobs.size() >= maxEntries && !forgetOldestFinished(caller, now)) {
            throw RetryLaterException.busy(STORE_FULL);
        }
        jobs.put(job.jobId(), job);
        byCaller.add(caller, job.jobId());
    }

    @Override
    public synchronized void discard(String jobId) {
        JobRecord job = jobs.remove(jobId);
        if (job != null) {
            byCaller.remove(CallerGroups.of(job.subject()), jobId);
        }
    }

    @Override
    public synchronized void save(JobRecord job) {
        admit(job); // a job saved without being admitted first is admitted now
        jobs.put(job.jobId(), job);
    }

    @Override
    public synchronized Optional<JobRecord> find(String jobId) {
        JobRecord job = jobs.get(jobId);
        if (job != null && expired(job, clock.instant())) {
            discard(jobId);
            return Optional.empty();
        }
        return Optional.ofNullable(job);
    }

    synchronized int size() {
        return jobs.size();
    }

    /** Forgets the caller's expired jobs, else its oldest finished one; whether one went. */
    private boolean forgetOldestFinished(String caller, Instant now) {
        boolean any = false;
        for (String jobId : byCaller.entriesOf(caller)) {
            JobRecord job = jobs.get(jobId);
            if (job != null && expired(job, now)) {
                discard(jobId);
                any = true;
            }
        }
        if (any) {
            return true;
        }
        for (String jobId : byCaller.entriesOf(caller)) {
            JobRecord job = jobs.get(jobId);
            if (job != null && job.state() != JobRecord.State.RUNNING) {
                discard(jobId);
                return true;
            }
        }
        return false;
    }

    private void forgetExpired(Instant now) {
        Iterator<JobRecord> all = jobs.values().iterator();
        while (all.hasNext()) {
            JobRecord job = all.next();
            if (expired(job, now)) {
                all.remove();
                byCaller.remove(CallerGroups.of(job.subject()), job.jobId());
            }
        }
    }

    private static boolean expired(JobRecord job, Instant now) {
        return !job.expiresAt().isAfter(now);
    }
}
