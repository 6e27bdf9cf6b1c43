package dev.toolwire.runtime.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Internal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What Hamsa's test-api-tool reported of one call it made to a tool, read liberally from an event
 * stream whose final shape Hamsa does not document: whatever is absent is null, never guessed.
 *
 * @param statusCode the status the tool answered, or null when the stream did not say
 * @param responseTimeMs how long the call took, or null
 * @param body the tool's answer (JSON, or text), or null
 * @param error what went wrong when Hamsa got no answer (refused, timed out), or null
 * @param events the names of the events received, in order
 */
@Internal
public record TestOutcome(@Nullable Integer statusCode, @Nullable Long responseTimeMs, @Nullable JsonNode body,
        @Nullable String error, List<String> events) {

    /**
     * Copies the list.
     *
     * @param statusCode the status
     * @param responseTimeMs the time
     * @param body the body
     * @param error the error
     * @param events the events
     */
    public TestOutcome {
        events = List.copyOf(events);
    }
}
