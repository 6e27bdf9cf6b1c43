package dev.toolwire.runtime;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The state of one job of a job-mode tool, as a {@link JobStore} keeps it.
 *
 * @param jobId the unguessable id the caller got in the {@code 202} answer
 * @param toolName the job-mode tool that runs it
 * @param subject who started it (the authenticated subject), or {@code null}; only the same caller
 *     sees its status
 * @param state running, done or failed
 * @param progress 0 to 100, as last reported through {@link ToolContext#progress(int, String)}
 *     (100 when done)
 * @param message while running, the last progress sentence; when failed, the error's sentence;
 *     else {@code null}
 * @param resultJson when done, the success body the tool would have answered; else {@code null}
 * @param errorCode when failed, the error code ({@code TIMEOUT}, {@code NOT_FOUND}, ...); else {@code null}
 * @param expiresAt when the store may forget the job
 * @since 1.0
 */
public record JobRecord(
        String jobId,
        String toolName,
        @Nullable String subject,
        State state,
        int progress,
        @Nullable String message,
        @Nullable String resultJson,
        @Nullable String errorCode,
        Instant expiresAt) {

    /**
     * Checks the required components.
     *
     * @param jobId the id
     * @param toolName the tool
     * @param subject the subject
     * @param state the state
     * @param progress the progress
     * @param message the message
     * @param resultJson the result
     * @param errorCode the error code
     * @param expiresAt the expiry
     */
    public JobRecord {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Where a job is in its life. */
    public enum State {
        /** Still working; the status tool answers {@code "status": "running"} with the progress. */
        RUNNING,
        /** Finished with a result; the status tool answers {@code "status": "done"} and the result. */
        DONE,
        /** Finished with an error (including {@code TIMEOUT}); the status tool answers {@code "status": "failed"}. */
        FAILED
    }
}
