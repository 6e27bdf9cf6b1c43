package dev.toolwire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a {@link Tool} in job mode, for work longer than a caller should wait. When the tool has not
 * finished within {@link #acknowledgeWithinSeconds()}, the caller gets {@code 202} with
 * {@code {"job_id", "status": "running", "message", "status_tool"}} and the work goes on, still
 * bounded by {@link Tool#timeoutSeconds()}. A companion tool named {@code <name>_status}
 * ({@code GET /tools/<name>_status?job_id=...}) reports its progress, then its result or error. When
 * the tool finishes within the window, the caller gets its result as usual.
 *
 * <pre>{@code
 * @Tool(async = true, timeoutSeconds = 300)
 * @Job(acknowledgeWithinSeconds = 2, retainMinutes = 60)
 * public Report generateReport(String accountId, ToolContext context) {
 *     context.progress(40, "Collecting transactions");
 *     ...
 * }
 * }</pre>
 *
 * <p>Report progress with {@code ToolContext.progress(percent, message)}. Jobs live in the runtime's
 * {@code JobStore} (in memory by default: a restart forgets them, and the status tool then tells the
 * agent to start over).
 *
 * @since 1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Job {

    /**
     * How long the caller waits for a result before getting the {@code 202} acknowledgement, in
     * seconds: at least 1 and less than the tool's {@code timeoutSeconds}.
     *
     * @return the window, 2 by default
     */
    int acknowledgeWithinSeconds() default 2;

    /**
     * How long a finished job's result stays available to the status tool, in minutes; at least 1.
     *
     * @return the retention, 60 by default
     */
    int retainMinutes() default 60;

    /**
     * What the agent says when the job is acknowledged, for example "I've started the report; I'll
     * check on it in a moment." Empty for the runtime's default sentence.
     *
     * @return the sentence, or empty
     */
    String acknowledgeMessage() default "";
}
