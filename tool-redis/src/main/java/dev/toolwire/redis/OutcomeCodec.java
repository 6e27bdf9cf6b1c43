package dev.toolwire.redis;

import dev.toolwire.runtime.ErrorEnvelope;
import dev.toolwire.runtime.ToolException;
import dev.toolwire.runtime.ToolResult;
import dev.toolwire.runtime.invoke.RetryLaterException;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A call's result as one Redis string, always starting with {@code O} (a claim starts with
 * {@code P}): {@code OS0|<json>} for a success ({@code OS1|} for a job's acknowledgement), the JSON
 * being the exact bytes the first call answered; {@code OF<json>} for a failure, its status, code,
 * sentence, details and any {@code Retry-After}, written by Micronaut Serialization.
 */
final class OutcomeCodec {

    private static final String SUCCESS = "OS";
    private static final String FAILURE = "OF";

    private final JsonMapper json;

    OutcomeCodec(JsonMapper json) {
        this.json = json;
    }

    /** A failure as stored. */
    @Serdeable
    record StoredFailure(int status, String code, String message, List<ErrorEnvelope.Detail> details, int retryAfterSeconds) {}

    String encode(ToolResult result) {
        if (result instanceof ToolResult.Success success) {
            return SUCCESS + (success.jobAcknowledgement() ? "1|" : "0|") + success.text();
        }
        ToolException error = ((ToolResult.Failure) result).error();
        StoredFailure stored = new StoredFailure(error.status(), error.code(), error.getMessage(),
                error.details().stream().map(d -> new ErrorEnvelope.Detail(d.path(), d.message())).toList(),
                error instanceof RetryLaterException later ? later.retryAfterSeconds() : 0);
        try {
            return FAILURE + json.writeValueAsString(stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a stored result.
     *
     * @throws IllegalArgumentException when the value is not one
     */
    ToolResult decode(String value) {
        if (value.startsWith(SUCCESS) && value.length() > 3 && value.charAt(3) == '|') {
            return new ToolResult.Success(value.substring(4).getBytes(StandardCharsets.UTF_8), value.charAt(2) == '1');
        }
        if (!value.startsWith(FAILURE)) {
            throw new IllegalArgumentException("Not a stored result");
        }
        StoredFailure stored;
        try {
            stored = json.readValue(value.substring(FAILURE.length()), StoredFailure.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a stored failure", e);
        }
        if (stored.retryAfterSeconds() > 0 && stored.status() == 429) {
            return new ToolResult.Failure(RetryLaterException.rateLimited(stored.message(), stored.retryAfterSeconds()));
        }
        if (stored.retryAfterSeconds() > 0 && stored.status() == 503) {
            return new ToolResult.Failure(RetryLaterException.unavailable(stored.message(), stored.retryAfterSeconds()));
        }
        List<ToolException.Detail> details = stored.details() == null ? List.of()
                : stored.details().stream().map(d -> new ToolException.Detail(d.path(), d.message())).toList();
        return new ToolResult.Failure(new ToolException(stored.status(), stored.code(), stored.message(), details));
    }
}
