package dev.toolwire.runtime.hamsa;

import io.micronaut.core.annotation.Internal;

/**
 * The two ways Hamsa's agent API holds an agent's tools (hamsa-api.md §5): v2 agents list
 * {@code tools: [{persistentId, toolId, version, toolType, ...}]} at {@code /v2/voice-agents}; v1
 * agents list tool record ids in {@code webToolsIds} (with {@code webToolsOverrides} keyed by id) at
 * {@code /v1/voice-agents}. An agent is read and written back through the API that answered it.
 */
@Internal
public enum AgentModel {

    /** {@code /v2/voice-agents/{id}}, {@code tools[]} entries. */
    V2("/v2/voice-agents"),
    /** {@code /v1/voice-agents/{id}}, {@code webToolsIds}. */
    V1("/v1/voice-agents");

    private final String root;

    AgentModel(String root) {
        this.root = root;
    }

    /**
     * The path of one agent.
     *
     * @param encodedId the agent id, encoded as a path segment
     * @return e.g. {@code /v2/voice-agents/<id>}
     */
    public String agentPath(String encodedId) {
        return root + "/" + encodedId;
    }

    /**
     * The list path.
     *
     * @return e.g. {@code /v2/voice-agents}
     */
    public String listPath() {
        return root;
    }
}
