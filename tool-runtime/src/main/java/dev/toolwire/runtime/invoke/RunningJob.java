package dev.toolwire.runtime.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.JobRecord;
import dev.toolwire.runtime.JobStore;
import dev.toolwire.runtime.ToolResult;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of a job-mode tool, admitted by the store before it starts. It answers its caller with the
 * outcome when the tool finishes within the acknowledgement window (and the store discards it);
 * otherwise {@link #acknowledge} answers {@code 202} and publishes the job to the store, where
 * progress reports and the final outcome then go. The lock orders the two races (finish against
 * acknowledge, progress against finish) so the store never goes back to running. A store that fails
 * is logged and never keeps the caller from an answer.
 */
final class RunningJob {

    private static final Logger LOG = LoggerFactory.getLogger(RunningJob.class);

    static final String DEFAULT_ACKNOWLEDGEMENT =
            "I've started on that and it will take a little while. I can check how it is going in a moment.";

    private final String jobId;
    private final String toolName;
    private final @Nullable String subject;
    private final String statusTool;
    private final @Nullable String acknowledgement;
    private final Duration retention;
    private final Instant deadline;
    private final JobStore store;
    private final CompletableFuture<ToolResult> answer = new CompletableFuture<>();
    private int progress;
    private @Nullable String message;
    private boolean published;
    private boolean finished;

    RunningJob(String jobId, String toolName, ToolDescriptor.Job job, @Nullable String subject, Instant deadline,
            JobStore store) {
        this.jobId = jobId;
        this.toolName = toolName;
        this.subject = subject;
        this.deadline = deadline;
        this.store = store;
        this.statusTool = job.statusTool();
        this.acknowledgement = job.acknowledgeMessage();
        this.retention = Duration.ofSeconds(job.retainSeconds());
    }

    /** @return the job as it starts, for the store to admit */
    JobRecord initial() {
        return running();
    }

    /** @return what the caller gets: the outcome, or the {@code 202} acknowledgement */
    CompletableFuture<ToolResult> answer() {
        return answer;
    }

    synchronized void progress(int percent, String sentence) {
        if (finished) {
            return;
        }
        progress = Math.max(0, Math.min(100, percent));
        message = sentence == null || sentence.isBlank() ? null : sentence;
        if (published) {
            save(running());
        }
    }

    /** The window passed without an outcome: publish the job and answer {@code 202}. */
    synchronized void acknowledge() {
        if (finished || !save(running())) {
            return; // a store that cannot keep the job: the caller waits for the outcome instead
        }
        published = true;
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("job_id", jobId);
        body.put("status", "running");
        if (progress > 0) {
            body.put("progress", progress);
        }
        body.put("message", acknowledgement == null ? DEFAULT_ACKNOWLEDGEMENT : acknowledgement);
        body.put("status_tool", statusTool);
        answer.complete(new ToolResult.Success(bytes(body), true));
    }

    /** The tool finished (or timed out): answer the caller, or record the end of a published job. */
    synchronized void finish(ToolResult outcome) {
        finished = true;
        if (!published) {
            answer.complete(outcome);
            try {
                store.discard(jobId);
            } catch (RuntimeException e) {
                LOG.error("The job store could not discard job {} of tool '{}'", jobId, toolName, e);
            }
            return;
        }
        Instant expiresAt = Instant.now().plus(retention);
        if (outcome instanceof ToolResult.Failure failure) {
            save(new JobRecord(jobId, toolName, subject, JobRecord.State.FAILED, progress, failure.error().getMessage(),
                    null, failure.error().code(), expiresAt));
        } else if (outcome instanceof ToolResult.Success success) {
            save(new JobRecord(jobId, toolName, subject, JobRecord.State.DONE, 100, null, success.text(), null, expiresAt));
        }
    }

    private boolean save(JobRecord job) {
        try {
            store.save(job);
            return true;
        } catch (RuntimeException e) {
            LOG.error("The job store could not save job {} of tool '{}' ({})", jobId, toolName, job.state(), e);
            return false;
        }
    }

    private JobRecord running() {
        return new JobRecord(jobId, toolName, subject, JobRecord.State.RUNNING, progress, message, null, null,
                deadline.plus(retention));
    }

    static byte[] bytes(JsonNode body) {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
