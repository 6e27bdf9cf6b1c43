package dev.toolwire.runtime.invoke;

import io.micronaut.core.annotation.Internal;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a tool call, ready to send: an HTTP status and a JSON body (the result, or the
 * error envelope), and for a refusal the caller may retry later, the seconds to wait.
 *
 * @param status the HTTP status
 * @param code {@code null} on success, else the error code of the envelope
 * @param body the UTF-8 JSON body
 * @param retryAfterSeconds the {@code Retry-After} to send, or 0 for none
 */
@Internal
public record ToolOutcome(int status, @Nullable String code, byte[] body, int retryAfterSeconds) {

    /**
     * An answer without {@code Retry-After}.
     *
     * @param status the HTTP status
     * @param code {@code null} on success, else the error code of the envelope
     * @param body the UTF-8 JSON body
     */
    public ToolOutcome(int status, @Nullable String code, byte[] body) {
        this(status, code, body, 0);
    }

    /**
     * Whether the call succeeded.
     *
     * @return {@code true} for a 2xx status
     */
    public boolean success() {
        return status >= 200 && status < 300;
    }
}
