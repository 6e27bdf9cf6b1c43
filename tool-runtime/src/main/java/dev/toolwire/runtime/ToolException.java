package dev.toolwire.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A business failure a tool reports to the agent: an HTTP status, a stable error code and one
 * sentence the agent can say. The runtime answers it with the error envelope
 *
 * <pre>{@code
 * {"success": false, "error": {"code": "NOT_FOUND", "message": "I could not find an order ORD-12345.",
 *                              "details": [], "requestId": "..."}}
 * }</pre>
 *
 * <p>Use the factories for the common cases:
 *
 * <pre>{@code
 * Customer c = customers.find(phone)
 *         .orElseThrow(() -> ToolException.notFound("I could not find a customer with that number."));
 * }</pre>
 *
 * <p>Any other exception a tool throws becomes {@code 500 INTERNAL_ERROR} with a generic message;
 * only a {@code ToolException}'s message is shown to the caller, so keep it free of secrets.
 */
public class ToolException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /** Status and code of {@link #notFound(String)}. */
    public static final String NOT_FOUND = "NOT_FOUND";
    /** Code of {@link #conflict(String)}. */
    public static final String CONFLICT = "CONFLICT";
    /** Code of {@link #invalidArgument(String, String)}. */
    public static final String INVALID_ARGUMENTS = "INVALID_ARGUMENTS";
    /** Code of {@link #unavailable(String)}. */
    public static final String UNAVAILABLE = "UNAVAILABLE";

    /** The HTTP status. */
    private final int status;
    /** The stable error code. */
    private final String code;
    /** The details, possibly empty. */
    private final List<Detail> details;

    /**
     * Creates a failure with a chosen status, code and message and no details.
     *
     * @param status the HTTP status, 400 to 599
     * @param code a stable upper-case code such as {@code "SLOT_TAKEN"}
     * @param message one sentence the agent can say to the caller
     */
    public ToolException(int status, String code, String message) {
        this(status, code, message, List.of(), null);
    }

    /**
     * Creates a failure with details, for example one per rejected argument.
     *
     * @param status the HTTP status, 400 to 599
     * @param code a stable upper-case code such as {@code "SLOT_TAKEN"}
     * @param message one sentence the agent can say to the caller
     * @param details what exactly went wrong, in the order to report it
     */
    public ToolException(int status, String code, String message, List<Detail> details) {
        this(status, code, message, details, null);
    }

    /**
     * Creates a failure with details and the exception that caused it. The cause is logged, never
     * sent to the caller.
     *
     * @param status the HTTP status, 400 to 599
     * @param code a stable upper-case code such as {@code "BACKEND_DOWN"}
     * @param message one sentence the agent can say to the caller
     * @param details what exactly went wrong, in the order to report it
     * @param cause the underlying exception, or {@code null}
     */
    public ToolException(
            int status, String code, String message, List<Detail> details, @Nullable Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("ToolException status must be 400-599, was " + status);
        }
        if (!CODE.matcher(Objects.requireNonNull(code, "code")).matches()) {
            throw new IllegalArgumentException(
                    "ToolException code '" + code + "' must be upper-case letters, digits and '_'");
        }
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    /**
     * {@code 404 NOT_FOUND}: the thing the caller asked about does not exist.
     *
     * @param message one sentence the agent can say, e.g. "I could not find an order with that number."
     * @return the exception to throw
     */
    public static ToolException notFound(String message) {
        return new ToolException(404, NOT_FOUND, message);
    }

    /**
     * {@code 409 CONFLICT}: the request clashes with the current state, e.g. a slot already booked.
     *
     * @param message one sentence the agent can say
     * @return the exception to throw
     */
    public static ToolException conflict(String message) {
        return new ToolException(409, CONFLICT, message);
    }

    /**
     * {@code 400 INVALID_ARGUMENTS}: an argument passed the schema but is still wrong, e.g. a date in
     * the past. The argument is named in the error's details.
     *
     * @param argument the wire name of the argument, e.g. {@code "start_date"}
     * @param message one sentence the agent can say
     * @return the exception to throw
     */
    public static ToolException invalidArgument(String argument, String message) {
        return new ToolException(400, INVALID_ARGUMENTS, message, List.of(new Detail(argument, message)));
    }

    /**
     * {@code 503 UNAVAILABLE}: a system the tool depends on is down; the agent may try again later.
     *
     * @param message one sentence the agent can say
     * @return the exception to throw
     */
    public static ToolException unavailable(String message) {
        return new ToolException(503, UNAVAILABLE, message);
    }

    /**
     * Returns a copy of this failure with one more detail.
     *
     * @param path what the detail is about, e.g. an argument's wire name or a JSON pointer
     * @param message what is wrong with it
     * @return a new exception with the same status, code, message and cause
     */
    public ToolException withDetail(String path, String message) {
        List<Detail> more = new ArrayList<>(details);
        more.add(new Detail(path, message));
        ToolException copy = new ToolException(status, code, getMessage(), more, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /**
     * The HTTP status the caller receives.
     *
     * @return the status, 400 to 599
     */
    public int status() {
        return status;
    }

    /**
     * The stable error code in the envelope's {@code error.code}.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * What exactly went wrong, in the envelope's {@code error.details}.
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<Detail> details() {
        return details;
    }

    /**
     * One entry of the envelope's {@code error.details}.
     *
     * @param path what the detail is about: an argument's wire name or a JSON pointer such as
     *     {@code "/items/0/quantity"}
     * @param message what is wrong with it
     */
    public record Detail(String path, String message) {

        /**
         * Checks the components.
         *
         * @param path what the detail is about
         * @param message what is wrong with it
         */
        public Detail {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
        }
    }
}
