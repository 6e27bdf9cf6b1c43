package dev.toolwire.runtime.observe;

import java.util.Locale;

/**
 * How a tool call ended, by HTTP status: the {@code outcome} of the metrics and the access log.
 *
 * @since 0.1
 */
public enum CallOutcome {
    /** 2xx, including a business error the tool reported as its result. */
    OK,
    /** 4xx other than the ones below: bad arguments, body too large, wrong media type. */
    CLIENT_ERROR,
    /** 401 or 403: missing, invalid or insufficient credentials. */
    AUTH_FAILURE,
    /** 504: the tool ran past its timeout. */
    TIMEOUT,
    /** 5xx other than 504, including 503 while the server shuts down. */
    SERVER_ERROR,
    /** 429: the caller is over its rate limit. */
    RATE_LIMITED;

    private final String tag = name().toLowerCase(Locale.ROOT);

    /**
     * The value used as a metric tag and in the access log.
     *
     * @return the lower-case name, e.g. {@code client_error}
     */
    public String tag() {
        return tag;
    }

    /**
     * The outcome of a status.
     *
     * @param status the HTTP status sent
     * @return the outcome
     */
    public static CallOutcome of(int status) {
        if (status < 400) {
            return OK;
        }
        return switch (status) {
            case 401, 403 -> AUTH_FAILURE;
            case 429 -> RATE_LIMITED;
            case 504 -> TIMEOUT;
            default -> status < 500 ? CLIENT_ERROR : SERVER_ERROR;
        };
    }
}
