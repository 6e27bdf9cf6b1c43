package dev.toolwire.runtime.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.toolwire.runtime.JobRecord;
import dev.toolwire.runtime.JobStore;
import dev.toolwire.runtime.ToolContext;
import dev.toolwire.runtime.ToolException;
import dev.toolwire.runtime.ToolResult;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import io.micronaut.core.annotation.Internal;
import io.netty.util.Timeout;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job mode ({@code @Job}): has the {@link JobStore} admit the job (which may refuse a caller over its
 * quota), runs the tool, answers its result when it comes within the acknowledgement window and
 * {@code 202} with a job id otherwise; the work goes on, still bounded by the tool's deadline, and its
 * status tool reports progress and the final result from the store. The acknowledgement timer runs
 * on {@link ToolTimers}, so a job in flight is still acknowledged while the server drains.
 */
@Singleton
@Internal
public final class JobCoordinator {

    /** What the status tool says about a job it does not know. */
    static final String UNKNOWN_JOB = "I can't find that job any more; it may have expired or the service restarted."
            + " Please start the request again.";

    private static final Logger LOG = LoggerFactory.getLogger(JobCoordinator.class);

    private final JobStore store;
    private final ToolTimers timers;

    /**
     * Creates the coordinator.
     *
     * @param store where jobs are kept
     * @param timers the acknowledgement timers, which keep running while the server drains
     */
    public JobCoordinator(JobStore store, ToolTimers timers) {
        this.store = store;
        this.timers = timers;
    }

    /**
     * Starts a job-mode call, once the store admitted it.
     *
     * @param tool the job-mode tool
     * @param context the call's context
     * @param work starts the method with the context it should receive (which records progress)
     * @return the outcome, the acknowledgement, or the store's refusal; never completes exceptionally
     */
    CompletableFuture<ToolResult> start(
            RegisteredTool tool, ToolContext context, Function<ToolContext, CompletableFuture<ToolResult>> work) {
        ToolDescriptor.Job settings = Objects.requireNonNull(tool.job(), "job");
        RunningJob job = new RunningJob("job-" + UUID.randomUUID(), tool.name(), settings, context.subject().orElse(null),
                context.deadline(), store);
        Optional<ToolResult> refused = admit(tool, job, context);
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(refused.get());
        }
        Timeout acknowledgement = null;
        try {
            acknowledgement = timers.schedule(Duration.ofSeconds(settings.acknowledgeWithinSeconds()), job::acknowledge);
            Timeout timer = acknowledgement;
            work.apply(new ProgressContext(context, job)).whenComplete((outcome, failure) -> {
                timer.cancel();
                job.finish(outcome != null ? outcome : new ToolResult.Failure(ToolFailures.internal()));
            });
        } catch (RuntimeException e) { // the context is closing, or a bug: the caller still gets an answer
            LOG.error("Job of tool '{}' could not start (request {})", tool.name(), context.requestId(), e);
            if (acknowledgement != null) {
                acknowledgement.cancel();
            }
            job.finish(new ToolResult.Failure(ToolFailures.internal()));
        }
        return job.answer();
    }

    /** Asks the store to admit the job: its refusal (a full quota, say) is the caller's answer. */
    private Optional<ToolResult> admit(RegisteredTool tool, RunningJob job, ToolContext context) {
        try {
            store.admit(job.initial());
            return Optional.empty();
        } catch (ToolException e) {
            LOG.debug("Job of tool '{}' refused by the job store with {} (request {}): {}", tool.name(), e.code(),
                    context.requestId(), e.getMessage());
            return Optional.of(new ToolResult.Failure(e));
        } catch (RuntimeException e) {
            LOG.error("The job store failed to admit a job of tool '{}' (request {})", tool.name(), context.requestId(), e);
            return Optional.of(new ToolResult.Failure(ToolFailures.internal()));
        }
    }

    /**
     * Answers a status tool: the job's progress, result or error, or {@code 404} when it is unknown,
     * expired, of another tool or started by another caller.
     *
     * @param statusTool the status tool
     * @param arguments its validated arguments ({@code job_id})
     * @param context the call's context
     * @return the answer
     */
    ToolResult status(RegisteredTool statusTool, ObjectNode arguments, ToolContext context) {
        Optional<JobRecord> stored;
        try {
            stored = store.find(arguments.path("job_id").asText());
        } catch (ToolException e) { // a shared store out of reach: its sentence, never a 500
            LOG.debug("The job store refused a status read with {} (request {})", e.code(), context.requestId());
            return new ToolResult.Failure(e);
        }
        Optional<JobRecord> found = stored
                .filter(job -> job.toolName().equals(statusTool.jobStatusOf()))
                .filter(job -> Objects.equals(job.subject(), context.subject().orElse(null)));
        if (found.isEmpty()) {
            return new ToolResult.Failure(ToolException.notFound(UNKNOWN_JOB));
        }
        JobRecord job = found.get();
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("job_id", job.jobId());
        body.put("status", job.state().name().toLowerCase(Locale.ROOT));
        body.put("progress", job.progress());
        switch (job.state()) {
            case RUNNING -> body.put("message", job.message() == null ? "The work is still in progress." : job.message());
            case DONE -> putResult(body, job.resultJson());
            case FAILED -> body.putObject("error").put("code", job.errorCode()).put("message", job.message());
        }
        return new ToolResult.Success(RunningJob.bytes(body));
    }

    /**
     * The result exactly as the tool's answer was written when the job finished ({@code 500.00} stays
     * {@code 500.00}): spliced in, never parsed and written again by another serializer.
     */
    private static void putResult(ObjectNode body, @Nullable String json) {
        if (json == null) {
            body.putNull("result");
        } else {
            body.putRawValue("result", new RawValue(json));
        }
    }
}
