package dev.toolwire.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the runtime knows about the call in progress. Declare a parameter of this type on a
 * {@code @Tool} method to receive it; it never appears in the tool's argument schema.
 *
 * <pre>{@code
 * @Tool(description = "Cancels an appointment.")
 * public Cancellation cancelAppointment(String appointmentId, ToolContext context) {
 *     log.info("cancel {} (request {})", appointmentId, context.requestId());
 *     ...
 * }
 * }</pre>
 *
 * <p>The same object is supplied for calls over HTTP and for the {@code call} command, where there
 * are no headers.
 */
public interface ToolContext {

    /**
     * The id of this call: the caller's {@code X-Request-Id} when it was a short, safe token, else a
     * generated one. It is echoed in the {@code X-Request-Id} response header and in error bodies.
     *
     * @return the request id, never empty
     */
    String requestId();

    /**
     * The name of the tool being called.
     *
     * @return the tool name
     */
    String toolName();

    /**
     * The first value of a request header, matched case-insensitively.
     *
     * @param name the header name, for example {@code "Accept-Language"}
     * @return the value, or empty when the header is absent (always empty for the {@code call} command,
     *     and for the credential headers, {@code Authorization} and the auth header, which tools never see)
     */
    Optional<String> header(String name);

    /**
     * All request headers, with lower-case names.
     *
     * @return an unmodifiable map from header name to its values, empty for the {@code call} command
     */
    Map<String, List<String>> headers();

    /**
     * Who the caller authenticated as: the {@code sub} claim of its JWT, or {@code api-key#<n>} for
     * the n-th accepted value of the auth header (never the value itself).
     *
     * @return the subject, or empty when the tool was called without authentication (or with a JWT
     *     that has no {@code sub})
     */
    Optional<String> subject();

    /**
     * When the caller stops waiting: the start of the call plus the tool's {@code timeoutSeconds}.
     * The runtime enforces this very instant: the caller then gets {@code 504 TIMEOUT}, a blocking
     * tool is interrupted and a returned future or subscription cancelled. For a job-mode tool it
     * bounds the whole job. Long-running work should check it and give up in time.
     *
     * @return the deadline
     */
    Instant deadline();

    /**
     * Reports how far the work of a job-mode tool ({@code @Job}) has come; its status tool answers
     * it while the job runs. Ignored by tools that are not in job mode.
     *
     * <pre>{@code
     * context.progress(40, "Collecting transactions");
     * }</pre>
     *
     * @param percent 0 to 100 (values outside are clamped)
     * @param message a short sentence the agent can say about the current step
     */
    default void progress(int percent, String message) {
        // Only job-mode calls record progress.
    }
}
