package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.ToolException;
import java.time.Duration;
import java.time.Instant;

/**
 * A refusal the caller may retry later: a full quota ({@code 429 RATE_LIMITED}) or no room at all
 * ({@code 503 UNAVAILABLE}). Its envelope carries {@code Retry-After}.
 */
final class RetryLaterException extends ToolException {

    private static final long serialVersionUID = 1L;

    /** Seconds a caller is asked to wait when the server has no room for its call. */
    static final int BUSY_RETRY_AFTER_SECONDS = 10;

    private final int retryAfterSeconds;

    private RetryLaterException(int status, String code, String message, int retryAfterSeconds) {
        super(status, code, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /**
     * {@code 429 RATE_LIMITED}: this caller holds its whole quota.
     *
     * @param message one sentence the agent can say
     * @param retryAfterSeconds when trying again may succeed
     * @return the exception
     */
    static RetryLaterException rateLimited(String message, int retryAfterSeconds) {
        return new RetryLaterException(429, Envelopes.RATE_LIMITED, message, retryAfterSeconds);
    }

    /**
     * {@code 503 UNAVAILABLE}: the server has no room for another call, whoever makes it.
     *
     * @param message one sentence the agent can say
     * @return the exception
     */
    static RetryLaterException busy(String message) {
        return new RetryLaterException(503, Envelopes.UNAVAILABLE, message, BUSY_RETRY_AFTER_SECONDS);
    }

    /**
     * Whole seconds from now until an instant, at least 1.
     *
     * @param now now
     * @param then a later instant
     * @return the seconds, rounded up
     */
    static int secondsUntil(Instant now, Instant then) {
        long millis = Duration.between(now, then).toMillis();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (millis + 999) / 1000));
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
