package dev.toolwire.runtime;

import java.util.Optional;

/**
 * Where the jobs of job-mode tools ({@code @Job}) are kept between the {@code 202} acknowledgement
 * and the calls of their status tool. The default keeps them in memory, bounded by
 * {@code toolwire.jobs.max-entries}, {@code toolwire.jobs.max-per-caller} and each job's retention,
 * so jobs are lost on restart: the status tool then answers {@code 404 NOT_FOUND} with a sentence
 * telling the agent to start over.
 *
 * <p>A job's life in the store: {@link #admit} before the tool runs (where a store with limits may
 * refuse it), then either {@link #discard} when it finished within its acknowledgement window (its
 * caller got the result and nobody will ask for it), or {@link #save} when it is acknowledged, on
 * each progress report and when it finishes.
 *
 * <p>To share jobs between instances or keep them across restarts, provide a bean of this type
 * (for example backed by Redis); it takes the place of the default. Such a store enforces its own
 * limits in {@link #admit}; it should never forget one caller's job to make room for another's.
 *
 * @since 1.0
 */
public interface JobStore {

    /**
     * Admits a new job before its tool runs. A store with limits refuses it here, by throwing a
     * {@link ToolException} whose status, code and sentence the caller then gets (for example
     * {@code 429 RATE_LIMITED} for a caller with too many jobs), rather than forget another caller's
     * job later. The tool runs only when this returns. The default admits every job.
     *
     * @param job the job as it starts: running, no progress, expiring at its deadline plus its retention
     * @throws ToolException when the job may not start
     */
    default void admit(JobRecord job) {}

    /**
     * Forgets an admitted job that finished within its acknowledgement window: its caller got the
     * result directly and never saw its id. The default does nothing.
     *
     * @param jobId the id of an admitted job that was never saved
     */
    default void discard(String jobId) {}

    /**
     * Stores a job, replacing the record with the same {@link JobRecord#jobId()}. Called when a job
     * is acknowledged, on each progress report, and when it finishes.
     *
     * @param job the job's current state
     * @throws ToolException when the job was never admitted and the store has no room for it
     */
    void save(JobRecord job);

    /**
     * Finds a job.
     *
     * @param jobId the id from the {@code 202} answer
     * @return the job, or empty when it is unknown or past its {@link JobRecord#expiresAt()}
     */
    Optional<JobRecord> find(String jobId);
}
