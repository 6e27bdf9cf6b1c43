package dev.toolwire.runtime.hamsa;

import io.micronaut.core.annotation.Internal;
import org.jspecify.annotations.Nullable;

/**
 * One tool an agent uses: a v2 {@code tools[]} entry, or a v1 {@code webToolsIds} id.
 *
 * @param index the entry's position in the agent's list, which edits address (one tool may have
 *     several entries, one per flow node)
 * @param toolId the record id of the version the agent uses
 * @param persistentId the id all versions share (v2 entries), or null
 * @param version the version the agent uses (v2 entries), or null
 */
@Internal
public record AgentToolRef(int index, String toolId, @Nullable String persistentId, @Nullable Integer version) {}
