package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.ToolException;
import io.micronaut.core.annotation.Internal;
import java.time.Duration;
import java.time.Instant;

/**
 * A refusal the caller may retry later: a full quota ({@code 429 RATE_LIMITED}), no room at all or a
 * shared store out of reach ({@code 503 UNAVAILABLE}). Its envelope carries {@code Retry-After}.
 */
@Internal
public final class RetryLaterException extends ToolException {

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
    public static RetryLaterException rateLimited(String message, int retryAfterSeconds) {
        return new RetryLaterException(429, ToolFailures.RATE_LIMITED, message, retryAfterSeconds);
    }

    /**
     * {@code 503 UNAVAILABLE}: the server has no room for another call, whoever makes it.
     *
     * @param message one sentence the agent can say
     * @return the exception
     */
    public static RetryLaterException busy(String message) {
        return unavailable(message, BUSY_RETRY_AFTER_SECONDS);
    }

    /**
     * {@code 503 UNAVAILABLE} with a wait of one's choosing: for example a shared store out of reach.
     *
     * @param message one sentence the agent can say
     * @param retryAfterSeconds when trying again may succeed
     * @return the exception
     */
    public static RetryLaterException unavailable(String message, int retryAfterSeconds) {
        return new RetryLaterException(503, ToolFailures.UNAVAILABLE, message, retryAfterSeconds);
    }

    /**
     * Whole seconds from now until an instant, at least 1.
     *
     * @param now now
     * @param then a later instant
     * @return the seconds, rounded up
     */
    public static int secondsUntil(Instant now, Instant then) {
        long millis = Duration.between(now, then).toMillis();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (millis + 999) / 1000));
    }

    /**
     * The wait to send as {@code Retry-After}.
     *
     * @return seconds, at least 1
     */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
