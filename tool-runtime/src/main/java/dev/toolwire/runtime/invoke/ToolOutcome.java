package dev.toolwire.runtime.invoke;

import io.micronaut.core.annotation.Internal;

/**
 * The answer to a tool call, ready to send: an HTTP status and a JSON body (the result, or the
 * error envelope).
 *
 * @param status the HTTP status
 * @param code {@code null} on success, else the error code of the envelope
 * @param body the UTF-8 JSON body
 */
@Internal
public record ToolOutcome(int status, @org.jspecify.annotations.Nullable String code, byte[] body) {

    /**
     * Whether the call succeeded.
     *
     * @return {@code true} for a 2xx status
     */
    public boolean success() {
        return status >= 200 && status < 300;
    }
}
