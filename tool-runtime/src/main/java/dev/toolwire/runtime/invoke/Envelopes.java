package dev.toolwire.runtime.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.ToolException;
import dev.toolwire.runtime.descriptor.Json;
import io.micronaut.core.annotation.Internal;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes the one error envelope of every failure:
 * {@code {"success": false, "error": {"code", "message", "details": [{"path", "message"}], "requestId"}}}.
 */
@Internal
public final class Envelopes {

    /** Code of a schema or binding failure. */
    public static final String INVALID_ARGUMENTS = ToolException.INVALID_ARGUMENTS;
    /** Code of a body that is not a JSON object. */
    public static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
    /** Code of an unknown route or tool. */
    public static final String NOT_FOUND = ToolException.NOT_FOUND;
    /** Code of a known route called with another method. */
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    /** Code of a body over the size limit. */
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    /** Code of a body that is not JSON by its content type. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    /** Code of a tool that ran past its {@code timeoutSeconds}. */
    public static final String TIMEOUT = "TIMEOUT";
    /** Code of missing or invalid credentials. */
    public static final String UNAUTHORIZED = "UNAUTHORIZED";
    /** Code of valid credentials that do not allow the tool. */
    public static final String FORBIDDEN = "FORBIDDEN";
    /** Code of a caller over its rate limit. */
    public static final String RATE_LIMITED = "RATE_LIMITED";
    /** Code of request headers over Netty's size limit. */
    public static final String HEADERS_TOO_LARGE = "HEADERS_TOO_LARGE";
    /** Code of a call refused because the server is shutting down. */
    public static final String UNAVAILABLE = ToolException.UNAVAILABLE;
    /** Code of anything unexpected. */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    /** The message of {@link #INTERNAL_ERROR}: it never says more. */
    public static final String INTERNAL_MESSAGE = "Sorry, something went wrong on our side while running this tool.";

    private Envelopes() {}

    /**
     * The envelope of a tool exception.
     *
     * @param e the exception
     * @param requestId the request id
     * @return the outcome to send
     */
    public static ToolOutcome of(ToolException e, String requestId) {
        ToolOutcome outcome = of(e.status(), e.code(), e.getMessage(), e.details(), requestId);
        return e instanceof RetryLaterException later ? retryAfter(outcome, later.retryAfterSeconds()) : outcome;
    }

    /**
     * The same answer with a {@code Retry-After}.
     *
     * @param outcome the answer
     * @param seconds the seconds the caller is asked to wait
     * @return the answer to send
     */
    static ToolOutcome retryAfter(ToolOutcome outcome, int seconds) {
        return new ToolOutcome(outcome.status(), outcome.code(), outcome.body(), seconds);
    }

    /**
     * The {@code 500 INTERNAL_ERROR} envelope, which says nothing about the failure.
     *
     * @param requestId the request id
     * @return the outcome to send
     */
    public static ToolOutcome internal(String requestId) {
        return of(500, INTERNAL_ERROR, INTERNAL_MESSAGE, List.of(), requestId);
    }

    /**
     * An envelope.
     *
     * @param status the HTTP status
     * @param code the error code
     * @param message one speakable sentence
     * @param details per-violation details
     * @param requestId the request id
     * @return the outcome to send
     */
    public static ToolOutcome of(
            int status, String code, String message, List<ToolException.Detail> details, String requestId) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("success", false);
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        ArrayNode array = error.putArray("details");
        for (ToolException.Detail detail : details) {
            array.addObject().put("path", detail.path()).put("message", detail.message());
        }
        error.put("requestId", requestId);
        try {
            return new ToolOutcome(status, code, Json.MAPPER.writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
