package dev.toolwire.runtime.auth;

import dev.toolwire.runtime.ToolException;

/**
 * A call refused for its credentials: {@code 401 UNAUTHORIZED} (missing or invalid) or
 * {@code 403 FORBIDDEN} (valid, but not for this tool). Carries the {@code WWW-Authenticate}
 * challenge to send. The message is generic on purpose; log the reason at DEBUG only.
 *
 * @since 0.1
 */
public final class ToolAuthenticationException extends ToolException {

    private static final long serialVersionUID = 1L;

    /** Code of a missing or invalid credential. */
    public static final String UNAUTHORIZED = "UNAUTHORIZED";
    /** Code of a valid credential without this tool in scope. */
    public static final String FORBIDDEN = "FORBIDDEN";

    /** The {@code WWW-Authenticate} value. */
    private final String challenge;

    private ToolAuthenticationException(int status, String code, String message, String challenge) {
        super(status, code, message);
        this.challenge = challenge;
    }

    /**
     * A missing or invalid credential.
     *
     * @param challenge the {@code WWW-Authenticate} value, e.g. {@code Bearer realm="toolwire"}
     * @return the exception
     */
    public static ToolAuthenticationException unauthorized(String challenge) {
        return new ToolAuthenticationException(401, UNAUTHORIZED,
                "Tool call rejected: the caller's credentials are missing or not valid.", challenge);
    }

    /**
     * A valid credential that does not allow this tool.
     *
     * @param challenge the {@code WWW-Authenticate} value
     * @return the exception
     */
    public static ToolAuthenticationException forbidden(String challenge) {
        return new ToolAuthenticationException(403, FORBIDDEN,
                "Tool call rejected: the caller's credentials do not allow this tool.", challenge);
    }

    /**
     * The challenge to send in {@code WWW-Authenticate}.
     *
     * @return the header value
     */
    public String challenge() {
        return challenge;
    }
}
