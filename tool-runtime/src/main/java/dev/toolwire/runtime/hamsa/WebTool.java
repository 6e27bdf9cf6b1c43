package dev.toolwire.runtime.hamsa;

import io.micronaut.core.annotation.Internal;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A web tool as Hamsa answers it (one version of it). Read liberally: every member may be absent,
 * and unknown members are ignored.
 *
 * @param id the record id of this version
 * @param persistentId the id shared by all versions
 * @param version the version number, 1 on creation
 * @param name the tool name
 * @param type {@code FUNCTION} or {@code MCP}
 * @param description the description
 * @param async the async flag
 * @param isActive whether the tool is active
 * @param collectionId the collection, or null
 * @param toolSettings how Hamsa calls the tool
 * @param params the argument schema: a JSON Schema object, or only its properties
 * @param messages the spoken messages
 */
@Internal
@Serdeable
public record WebTool(
        @Nullable String id,
        @Nullable String persistentId,
        @Nullable Integer version,
        @Nullable String name,
        @Nullable String type,
        @Nullable String description,
        @Nullable Boolean async,
        @Nullable Boolean isActive,
        @Nullable String collectionId,
        @Nullable WebToolSettings toolSettings,
        @Nullable Object params,
        @Nullable List<WebToolMessage> messages) {

    /**
     * Whether the tool is active; a tool that does not say is taken as active.
     *
     * @return the activation state
     */
    public boolean active() {
        return isActive == null || isActive;
    }

    /**
     * The server URL, or an empty string.
     *
     * @return the URL
     */
    public String serverUrl() {
        return toolSettings == null || toolSettings.serverUrl() == null ? "" : toolSettings.serverUrl();
    }
}
