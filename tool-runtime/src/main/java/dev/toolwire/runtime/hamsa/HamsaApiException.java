package dev.toolwire.runtime.hamsa;

import org.jspecify.annotations.Nullable;

/**
 * A failed call to the Hamsa API: a non-2xx status, a body with {@code success: false}, an
 * unreadable answer, or no answer at all. The message names the method and path and never the API
 * key; the body is truncated and any occurrence of the key in it is masked.
 */
public final class HamsaApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure this is, from the HTTP status and Hamsa's numeric code. */
    public enum Kind {
        /** 400 or code 10400: the request was invalid; retrying will not help. */
        VALIDATION,
        /** 401 or code 10403: the API key is missing or wrong. */
        UNAUTHORIZED,
        /** 403: the key may not do this. */
        FORBIDDEN,
        /** 404 or code 10404: no such resource. */
        NOT_FOUND,
        /** 429 or code 10429: too many requests. */
        RATE_LIMITED,
        /** 5xx: Hamsa failed; the request may or may not have taken effect. */
        SERVER,
        /** No answer (connection refused, reset, timed out); the request may or may not have taken effect. */
        IO,
        /** A 2xx answer with {@code success: false}, or one that could not be read. */
        REJECTED,
        /** Any other status. */
        OTHER
    }

    private final Kind kind;
    private final int status;
    private final String method;
    private final String path;
    private final @Nullable Integer hamsaCode;
    private final String body;

    HamsaApiException(Kind kind, int status, String method, String path, @Nullable Integer hamsaCode,
            String reason, String body, @Nullable Throwable cause) {
        super("Hamsa API " + method + " " + path + " failed: "
                + (status == 0 ? "no answer" : "HTTP " + status)
                + (hamsaCode == null ? "" : ", code " + hamsaCode)
                + (reason.isBlank() ? "" : ": " + reason), cause);
        this.kind = kind;
        this.status = status;
        this.method = method;
        this.path = path;
        this.hamsaCode = hamsaCode;
        this.body = body;
    }

    /**
     * An answer that looked like a success but did not hold what the request must have produced.
     *
     * @param method the request's method
     * @param path what was asked for
     * @param reason what is missing
     * @return the failure, of kind {@link Kind#REJECTED}
     */
    public static HamsaApiException rejected(String method, String path, String reason) {
        return new HamsaApiException(Kind.REJECTED, 200, method, path, null, reason, "", null);
    }

    static Kind classify(int status, @Nullable Integer code) {
        if (status == 401 || (code != null && code == 10403 && status != 403)) {
            return Kind.UNAUTHORIZED;
        }
        if (status == 403) {
            return Kind.FORBIDDEN;
        }
        if (status == 429 || (code != null && code == 10429)) {
            return Kind.RATE_LIMITED;
        }
        if (status == 400 || (code != null && code == 10400)) {
            return Kind.VALIDATION;
        }
        if (status == 404 || (code != null && code == 10404)) {
            return Kind.NOT_FOUND;
        }
        if (status >= 500) {
            return Kind.SERVER;
        }
        return status >= 200 && status < 300 ? Kind.REJECTED : Kind.OTHER;
    }

    /**
     * The kind of failure.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The HTTP status.
     *
     * @return the status, or {@code 0} when there was no answer
     */
    public int status() {
        return status;
    }

    /**
     * The HTTP method of the failed request.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * The path of the failed request, with its query string.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * Hamsa's numeric error code ({@code error.code}), e.g. {@code 10400}.
     *
     * @return the code, or {@code null} when the answer had none
     */
    public @Nullable Integer hamsaCode() {
        return hamsaCode;
    }

    /**
     * The start of the answer's body, for diagnosis.
     *
     * @return at most 500 characters, the API key masked
     */
    public String body() {
        return body;
    }

    /**
     * Whether the API key was refused (401, 403 or code 10403).
     *
     * @return whether this is an authentication or permission failure
     */
    public boolean isAuthFailure() {
        return kind == Kind.UNAUTHORIZED || kind == Kind.FORBIDDEN;
    }

    /**
     * Whether a write may have taken effect although it failed (5xx or no answer): the caller should
     * look before writing again.
     *
     * @return whether the outcome is unknown
     */
    public boolean isOutcomeUnknown() {
        return kind == Kind.SERVER || kind == Kind.IO;
    }
}
