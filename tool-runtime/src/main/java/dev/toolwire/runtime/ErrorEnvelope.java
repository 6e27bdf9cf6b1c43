package dev.toolwire.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The one body of every failure, on every transport:
 * {@code {"success": false, "error": {"code", "message", "details": [{"path", "message"}], "requestId"}}}.
 * Built only by {@link #of(ToolException, String)} and written by Micronaut Serialization.
 *
 * @param success always {@code false}
 * @param error what went wrong
 * @since 0.1
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ErrorEnvelope(boolean success, Error error) {

    /**
     * The envelope of a failure.
     *
     * @param failure the failure
     * @param requestId the request id the caller can quote
     * @return the envelope
     */
    public static ErrorEnvelope of(ToolException failure, String requestId) {
        List<Detail> details = failure.details().stream().map(d -> new Detail(d.path(), d.message())).toList();
        return new ErrorEnvelope(false, new Error(failure.code(), failure.getMessage(), details, requestId));
    }

    /**
     * The envelope's {@code error}.
     *
     * @param code the stable error code
     * @param message one sentence an agent can say
     * @param details what exactly went wrong, possibly empty
     * @param requestId the request id
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // an empty details list is part of the envelope, whatever the app's inclusion
    public record Error(String code, String message, List<Detail> details, String requestId) {}

    /**
     * One entry of {@code error.details}.
     *
     * @param path an argument's wire name or a JSON pointer
     * @param message what is wrong with it
     */
    @Serdeable
    public record Detail(String path, String message) {}
}
