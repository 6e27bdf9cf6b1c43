package dev.toolwire.runtime.http;

import dev.toolwire.runtime.ErrorEnvelope;
import dev.toolwire.runtime.ToolException;
import dev.toolwire.runtime.ToolResult;
import dev.toolwire.runtime.invoke.RetryLaterException;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The HTTP edge's rendering of a {@link ToolResult}: a success as {@code 200} (a job's acknowledgement
 * as {@code 202}) with the tool's JSON, a failure as its status with the {@link ErrorEnvelope}
 * written by Micronaut Serialization and, for a refusal the caller may retry, {@code Retry-After}.
 * Every Toolwire answer over HTTP, from the endpoint, Micronaut's own error responses at a tool's
 * path, the management filter, the playground or a connection refused before any request, is
 * rendered here.
 */
@Singleton
@Internal
public final class ToolResponses {

    private final JsonMapper json;

    /**
     * Creates the renderer.
     *
     * @param json Micronaut Serialization's mapper
     */
    public ToolResponses(JsonMapper json) {
        this.json = json;
    }

    /**
     * The response of a result.
     *
     * @param result the result
     * @param requestId the request id, quoted in a failure's envelope
     * @return the response, without {@code X-Request-Id} (see {@link ResponseLabels})
     */
    public MutableHttpResponse<?> of(ToolResult result, String requestId) {
        if (result instanceof ToolResult.Failure failure) {
            return of(failure.error(), requestId);
        }
        ToolResult.Success success = (ToolResult.Success) result;
        return HttpResponse.status(success.jobAcknowledgement() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(success.json());
    }

    /**
     * The response of a failure.
     *
     * @param failure the failure
     * @param requestId the request id quoted in the envelope
     * @return the response, without {@code X-Request-Id}
     */
    public MutableHttpResponse<?> of(ToolException failure, String requestId) {
        MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.valueOf(failure.status()))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(envelope(failure, requestId));
        if (failure instanceof RetryLaterException later) { // a quota or a full server: say when to try again
            response.header(HttpHeaders.RETRY_AFTER, Integer.toString(later.retryAfterSeconds()));
        }
        return response;
    }

    /**
     * The envelope of a failure as UTF-8 JSON, for an answer written below Micronaut's routing.
     *
     * @param failure the failure
     * @param requestId the request id quoted in the envelope
     * @return the body
     */
    public byte[] envelope(ToolException failure, String requestId) {
        try {
            return json.writeValueAsBytes(ErrorEnvelope.of(failure, requestId));
        } catch (IOException e) {
            throw new UncheckedIOException("The error envelope could not be written", e);
        }
    }
}
