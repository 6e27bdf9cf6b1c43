package dev.toolwire.runtime.hamsa;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Internal;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v2/voice-agents/web-tool} and {@code PATCH /v2/voice-agents/web-tool/{id}}.
 * Null members are left out.
 *
 * @param type {@code FUNCTION}
 * @param name the tool name
 * @param description what the agent reads
 * @param async whether the agent keeps talking while the tool runs
 * @param collectionId the collection, or null
 * @param params the JSON Schema of the arguments
 * @param messages the spoken messages
 * @param toolSettings how Hamsa calls the tool
 */
@Internal
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebToolBody(
        String type,
        String name,
        String description,
        boolean async,
        @Nullable String collectionId,
        Map<String, Object> params,
        List<WebToolMessage> messages,
        WebToolSettingsBody toolSettings) {}
