package dev.toolwire.runtime;

import java.util.Optional;

/**
 * Where the jobs of job-mode tools ({@code @Job}) are kept between the {@code 202} acknowledgement
 * and the calls of their status tool. The default keeps them in memory, bounded by
 * {@code toolwire.jobs.max-entries} and each job's retention, so jobs are lost on restart: the
 * status tool then answers {@code 404 NOT_FOUND} with a sentence telling the agent to start over.
 *
 * <p>To share jobs between instances or keep them across restarts, provide a bean of this type
 * (for example backed by Redis); it takes the place of the default.
 *
 * @since 1.0
 */
public interface JobStore {

    /**
     * Stores a job, replacing the record with the same {@link JobRecord#jobId()}. Called when a job
     * is acknowledged, on each progress report, and when it finishes.
     *
     * @param job the job's current state
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
