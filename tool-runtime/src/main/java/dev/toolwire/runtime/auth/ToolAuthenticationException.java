package dev.toolwire.runtime.auth;

import dev.toolwire.runtime.ToolException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A call refused for its credentials: {@code 401 UNAUTHORIZED} (missing or invalid) or
 * {@code 403 FORBIDDEN} (valid, but not for this tool). Carries the {@code WWW-Authenticate}
 * challenge to send, and for operators a short reason ({@code expired}, {@code bad_signature}, ...)
 * that the access log shows and the response never does: the message on the wire is generic on
 * purpose, so a caller learns nothing about which part of a forged credential was wrong.
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
    private final @Nullable String reason;
    private final @Nullable String subject;

    private ToolAuthenticationException(int status, String code, String message, String challenge,
            @Nullable String reason, @Nullable String subject) {
        super(status, code, message);
        this.challenge = challenge;
        this.reason = reason;
        this.subject = subject;
    }

    /**
     * A missing or invalid credential.
     *
     * @param challenge the {@code WWW-Authenticate} value, e.g. {@code Bearer realm="toolwire"}
     * @return the exception
     */
    public static ToolAuthenticationException unauthorized(String challenge) {
        return unauthorized(challenge, null);
    }

    /**
     * A missing or invalid credential, with the reason operators see in the access log.
     *
     * @param challenge the {@code WWW-Authenticate} value, e.g. {@code Bearer realm="toolwire"}
     * @param reason a short lower-case word or two, e.g. {@code expired}; never the credential itself
     * @return the exception
     */
    public static ToolAuthenticationException unauthorized(String challenge, @Nullable String reason) {
        return new ToolAuthenticationException(401, UNAUTHORIZED,
                "Tool call rejected: the caller's credentials are missing or not valid.", challenge, reason, null);
    }

    /**
     * A valid credential that does not allow this tool.
     *
     * @param challenge the {@code WWW-Authenticate} value
     * @return the exception
     */
    public static ToolAuthenticationException forbidden(String challenge) {
        return forbidden(challenge, null, null);
    }

    /**
     * A valid credential that does not allow this tool, with who it was and why, for the access log.
     *
     * @param challenge the {@code WWW-Authenticate} value
     * @param reason a short reason, e.g. {@code out_of_scope}
     * @param subject the credential's verified subject, or {@code null}
     * @return the exception
     */
    public static ToolAuthenticationException forbidden(String challenge, @Nullable String reason,
            @Nullable String subject) {
        return new ToolAuthenticationException(403, FORBIDDEN,
                "Tool call rejected: the caller's credentials do not allow this tool.", challenge, reason, subject);
    }

    /**
     * The challenge to send in {@code WWW-Authenticate}.
     *
     * @return the header value
     */
    public String challenge() {
        return challenge;
    }

    /**
     * Why the credential was refused, for operators only.
     *
     * @return the reason, or empty when the authenticator gave none
     */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /**
     * Who the refused caller is, when the credential itself was valid (a {@code 403}).
     *
     * @return the subject, or empty
     */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }
}
