package dev.toolwire.runtime.hamsa;

import io.micronaut.core.annotation.Internal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A version of a web tool as Hamsa answered it, read into the shared model.
 *
 * @param id the record id of this version
 * @param persistentId the id every version shares, or null when the answer had none
 * @param version the version number, or null
 * @param active whether the tool is active (a tool that does not say is taken as active)
 * @param activeStated whether the answer said so; a tool whose state is unknown is never deactivated
 * @param updatedAt when it was last changed, or null
 * @param createdAt when the tool was created, as Hamsa answered it, or null when the answer did not
 *     say or said it in a form not read (only used to tell which of two copies of a tool is older)
 * @param definition what the tool is
 */
@Internal
public record RemoteWebTool(
        String id,
        @Nullable String persistentId,
        @Nullable Integer version,
        boolean active,
        boolean activeStated,
        @Nullable String updatedAt,
        @Nullable Instant createdAt,
        WebToolDefinition definition) implements ListedWebTool {

    @Override
    public String name() {
        return definition.name();
    }

    /**
     * The URL Hamsa calls.
     *
     * @return the URL, empty when unknown
     */
    public String serverUrl() {
        return definition.serverUrl();
    }
}
