package dev.toolwire.runtime.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.JobRecord;
import dev.toolwire.runtime.JobStore;
import dev.toolwire.runtime.ToolContext;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import io.micronaut.core.annotation.Internal;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Job mode ({@code @Job}): runs a tool, answers its result when it comes within the acknowledgement
 * window and {@code 202} with a job id otherwise; the work goes on, still bounded by the tool's
 * deadline, and its status tool reports progress and the final result from the {@link JobStore}.
 */
@Singleton
@Internal
public final class JobCoordinator {

    /** What the status tool says about a job it does not know. */
    static final String UNKNOWN_JOB = "I can't find that job any more; it may have expired or the service restarted."
            + " Please start the request again.";

    private final JobStore store;
    private final TaskScheduler scheduler;

    /**
     * Creates the coordinator.
     *
     * @param store where jobs are kept
     * @param scheduler Micronaut's scheduler, for the acknowledgement window
     */
    public JobCoordinator(JobStore store, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.store = store;
        this.scheduler = scheduler;
    }

    /**
     * Starts a job-mode call.
     *
     * @param tool the job-mode tool
     * @param context the call's context
     * @param work starts the method with the context it should receive (which records progress)
     * @return the outcome, or the acknowledgement
     */
    CompletableFuture<ToolOutcome> start(
            RegisteredTool tool, ToolContext context, Function<ToolContext, CompletableFuture<ToolOutcome>> work) {
        ToolDescriptor.Job settings = Objects.requireNonNull(tool.job(), "job");
        RunningJob job = new RunningJob("job-" + UUID.randomUUID(), tool.name(), settings, context.subject().orElse(null),
                context.deadline(), store);
        ScheduledFuture<?> acknowledgement =
                scheduler.schedule(Duration.ofSeconds(settings.acknowledgeWithinSeconds()), job::acknowledge);
        work.apply(new ProgressContext(context, job)).whenComplete((outcome, failure) -> {
            acknowledgement.cancel(false);
            job.finish(outcome != null ? outcome : Envelopes.internal(context.requestId()));
        });
        return job.answer();
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
    ToolOutcome status(RegisteredTool statusTool, ObjectNode arguments, ToolContext context) {
        Optional<JobRecord> found = store.find(arguments.path("job_id").asText())
                .filter(job -> job.toolName().equals(statusTool.jobStatusOf()))
                .filter(job -> Objects.equals(job.subject(), context.subject().orElse(null)));
        if (found.isEmpty()) {
            return Envelopes.of(404, Envelopes.NOT_FOUND, UNKNOWN_JOB, List.of(), context.requestId());
        }
        JobRecord job = found.get();
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("job_id", job.jobId());
        body.put("status", job.state().name().toLowerCase(Locale.ROOT));
        body.put("progress", job.progress());
        switch (job.state()) {
            case RUNNING -> body.put("message", job.message() == null ? "The work is still in progress." : job.message());
            case DONE -> body.set("result", parse(job.resultJson()));
            case FAILED -> body.putObject("error").put("code", job.errorCode()).put("message", job.message());
        }
        return new ToolOutcome(200, null, RunningJob.bytes(body));
    }

    private static JsonNode parse(@Nullable String json) {
        try {
            return json == null ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(json);
        } catch (IOException e) {
            return Json.MAPPER.getNodeFactory().textNode(json);
        }
    }
}
