package dev.toolwire.runtime.hamsa;

import io.micronaut.core.annotation.Internal;
import org.jspecify.annotations.Nullable;

/**
 * A list item that could not be read as a web tool: reported by id and name, and left alone.
 *
 * @param id the id, if it could be read
 * @param persistentId the persistent id, if it could be read
 * @param version the version, if it could be read
 * @param name the name, if it could be read
 * @param updatedAt when it was last changed, if it could be read
 * @param reason what could not be read, e.g. {@code toolSettings.httpHeaders is neither a map nor a list}
 */
@Internal
public record UnreadableWebTool(
        @Nullable String id,
        @Nullable String persistentId,
        @Nullable Integer version,
        @Nullable String name,
        @Nullable String updatedAt,
        String reason) implements ListedWebTool {

    /**
     * How the plan names it: {@code 'name' (id x)}.
     *
     * @return the label
     */
    public String label() {
        return (name == null ? "(no name)" : "'" + name + "'") + " (id " + (id == null ? "?" : id) + ")";
    }
}
