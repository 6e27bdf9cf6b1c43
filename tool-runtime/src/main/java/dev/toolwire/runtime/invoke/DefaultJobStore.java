package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.JobRecord;
import dev.toolwire.runtime.JobStore;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory {@link JobStore}: at most {@code toolwire.jobs.max-entries} jobs (default 1000),
 * each forgotten after its {@link JobRecord#expiresAt()}. When full, expired jobs go first, then the
 * oldest finished one, then the oldest. Jobs do not survive a restart. A {@code JobStore} bean of the
 * application takes its place.
 */
@Singleton
@Secondary
@Internal
public final class DefaultJobStore implements JobStore {

    private final int maxEntries;
    private final Clock clock;
    private final Map<String, JobRecord> jobs = new LinkedHashMap<>();

    /**
     * Creates the store.
     *
     * @param maxEntries {@code toolwire.jobs.max-entries}
     */
    public DefaultJobStore(@Value("${toolwire.jobs.max-entries:1000}") int maxEntries) {
        this(maxEntries, Clock.systemUTC());
    }

    DefaultJobStore(int maxEntries, Clock clock) {
        this.maxEntries = Math.max(1, maxEntries);
        this.clock = clock;
    }

    @Override
    public synchronized void save(JobRecord job) {
        if (!jobs.containsKey(job.jobId()) && jobs.size() >= maxEntries) {
            makeRoom();
        }
        jobs.put(job.jobId(), job);
    }

    @Override
    public synchronized Optional<JobRecord> find(String jobId) {
        JobRecord job = jobs.get(jobId);
        if (job != null && !job.expiresAt().isAfter(clock.instant())) {
            jobs.remove(jobId);
            return Optional.empty();
        }
        return Optional.ofNullable(job);
    }

    synchronized int size() {
        return jobs.size();
    }

    private void makeRoom() {
        Instant now = clock.instant();
        jobs.values().removeIf(job -> !job.expiresAt().isAfter(now));
        if (jobs.size() < maxEntries) {
            return;
        }
        Iterator<JobRecord> oldest = jobs.values().iterator();
        while (oldest.hasNext()) {
            if (oldest.next().state() != JobRecord.State.RUNNING) {
                oldest.remove();
                return;
            }
        }
        jobs.remove(jobs.keySet().iterator().next());
    }
}
