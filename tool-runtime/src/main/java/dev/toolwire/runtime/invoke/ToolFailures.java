package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.ToolException;
import io.micronaut.core.annotation.Internal;

/**
 * The runtime's own failures, each one code and one sentence, whichever transport refuses the call:
 * the HTTP endpoint, Micronaut's error responses for a tool's path, the {@code call} command. They
 * are {@link ToolException}s like a tool's own, so every failure is rendered the same way, once, by
 * {@link dev.toolwire.runtime.ErrorEnvelope}.
 */
@Internal
public final class ToolFailures {

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
    /** Code of a request line over Netty's size limit. */
    public static final String URI_TOO_LONG = "URI_TOO_LONG";
    /** Code of a call refused because the server is shutting down. */
    public static final String UNAVAILABLE = ToolException.UNAVAILABLE;
    /** Code of anything unexpected. */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    /** The message of {@link #INTERNAL_ERROR}: it never says more. */
    public static final String INTERNAL_MESSAGE = "Sorry, something went wrong on our side while running this tool.";
    /** The sentence of {@link #TIMEOUT}. */
    public static final String TIMEOUT_MESSAGE =
            "That is taking longer than expected, so I stopped waiting. Please try again in a moment.";
    /** The sentence of a call over the caller's rate limit. */
    public static final String RATE_LIMITED_MESSAGE = "Tool call rejected: too many calls, please try again in a minute.";

    private ToolFailures() {}

    /**
     * {@code 500 INTERNAL_ERROR}, which says nothing about the failure.
     *
     * @return the failure
     */
    public static ToolException internal() {
        return new ToolException(500, INTERNAL_ERROR, INTERNAL_MESSAGE);
    }

    /**
     * {@code 504 TIMEOUT}: the tool ran past its deadline.
     *
     * @return the failure
     */
    public static ToolException timeout() {
        return new ToolException(504, TIMEOUT, TIMEOUT_MESSAGE);
    }

    /**
     * {@code 404 NOT_FOUND}: nothing is served at this address.
     *
     * @return the failure
     */
    public static ToolException noTool() {
        return new ToolException(404, NOT_FOUND, "There is no tool at this address.");
    }

    /**
     * {@code 400 MALFORMED_REQUEST}.
     *
     * @param sentence what could not be read, as one sentence
     * @return the failure
     */
    public static ToolException malformed(String sentence) {
        return new ToolException(400, MALFORMED_REQUEST, sentence);
    }

    /**
     * {@code 413 PAYLOAD_TOO_LARGE}.
     *
     * @param maxBytes the limit, or 0 when it is not known where the refusal is made
     * @return the failure
     */
    public static ToolException tooLarge(long maxBytes) {
        return new ToolException(413, PAYLOAD_TOO_LARGE, maxBytes > 0
                ? "Tool call rejected: the request body is larger than " + maxBytes + " bytes."
                : "Tool call rejected: the request body is too large.");
    }

    /**
     * {@code 415 UNSUPPORTED_MEDIA_TYPE}.
     *
     * @return the failure
     */
    public static ToolException notJson() {
        return new ToolException(415, UNSUPPORTED_MEDIA_TYPE, "Tool call rejected: send the arguments as application/json.");
    }
}
