package dev.toolwire.runtime.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads an agent liberally: its id ({@code id}, {@code _id} or {@code agentId}), a name to show
 * ({@code name}, {@code agentName}, {@code title}), and its tools, from v2 {@code tools[]} entries
 * ({@code toolId}, {@code persistentId}, {@code version}; numbers as strings too) or v1
 * {@code webToolsIds}, whichever the answer holds; the API that answered decides when it holds
 * neither. v1's {@code tools} object (built-in toggles) is not a tool list.
 */
final class AgentReader {

    private AgentReader() {}

    static @Nullable RemoteAgent read(JsonNode answer, AgentModel api) {
        JsonNode agent = answer.isObject() && answer.path("agent").isObject() ? answer.get("agent") : answer;
        if (!(agent instanceof ObjectNode raw)) {
            return null;
        }
        String id = firstText(raw, "id", "_id", "agentId");
        if (id == null) {
            return null;
        }
        String name = firstText(raw, "name", "agentName", "title");
        JsonNode v2 = raw.path("tools");
        JsonNode v1 = raw.path("webToolsIds");
        AgentModel model = v2.isArray() ? AgentModel.V2 : v1.isArray() ? AgentModel.V1 : api;
        List<AgentToolRef> tools = new ArrayList<>();
        if (model == AgentModel.V2) {
            for (JsonNode entry : v2) {
                String toolId = firstText(entry, "toolId", "webToolId", "id");
                if (toolId != null) {
                    tools.add(new AgentToolRef(toolId, firstText(entry, "persistentId"), version(entry.get("version"))));
                }
            }
        } else {
            for (JsonNode toolId : v1) {
                if (toolId.isTextual() || toolId.isNumber()) {
                    tools.add(new AgentToolRef(toolId.asText(), null, null));
                }
            }
        }
        return new RemoteAgent(id, name == null ? id : name, model, api, raw, tools);
    }

    private static @Nullable String firstText(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && (value.isTextual() || value.isNumber()) && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    private static @Nullable Integer version(@Nullable JsonNode node) {
        if (node != null && node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        try {
            return node != null && node.isTextual() ? Integer.valueOf(node.asText().strip()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
