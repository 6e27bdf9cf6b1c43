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
 * neither. v1's {@code tools} object (built-in toggles) is not a tool list. An entry without a
 * {@code toolId} is not read as a tool: it is never matched, so never edited.
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
            for (int i = 0; i < v2.size(); i++) {
                String toolId = firstText(v2.get(i), "toolId");
                if (toolId != null) {
                    tools.add(new AgentToolRef(i, toolId, firstText(v2.get(i), "persistentId"), version(v2.get(i).get("version"))));
                }
            }
        } else {
            for (int i = 0; i < v1.size(); i++) {
                if (v1.get(i).isTextual() || v1.get(i).isNumber()) {
                    tools.add(new AgentToolRef(i, v1.get(i).asText(), null, null));
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

    static @Nullable Integer version(@Nullable JsonNode node) {
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
