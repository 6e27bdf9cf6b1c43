package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of an agent write (hamsa-api.md §5): only the members that attach web tools are checked,
 * and checked against the stored tool versions, so a client that points an agent at a version that
 * does not exist, or mixes one tool's ids with another's, is refused. Each violated rule is one
 * problem, answered together as a {@code 400} with code {@code 10400}.
 */
final class AgentValidator {

    private AgentValidator() {}

    static List<String> problems(JsonNode body, FakeAgents.AgentApi api, ToolStore store) {
        List<String> problems = new ArrayList<>();
        if (!body.isObject()) {
            problems.add("body must be a JSON object");
        } else if (api == FakeAgents.AgentApi.V2) {
            tools(body, store, problems);
        } else {
            webTools(body, store, problems);
        }
        return problems;
    }

    /** v2: {@code tools: [{persistentId, toolId, version, toolType, ...}]}, each entry one stored version record. */
    private static void tools(JsonNode body, ToolStore store, List<String> problems) {
        if (!body.has("tools")) {
            return;
        }
        JsonNode tools = body.get("tools");
        if (!tools.isArray()) {
            problems.add("tools must be an array of {persistentId, toolId, version, toolType}");
            return;
        }
        for (int i = 0; i < tools.size(); i++) {
            JsonNode entry = tools.get(i);
            String at = "tools[" + i + "]";
            if (!entry.isObject()) {
                problems.add(at + " must be an object");
                continue;
            }
            int before = problems.size();
            for (String member : List.of("persistentId", "toolId", "toolType")) {
                if (!entry.path(member).isTextual()) {
                    problems.add(at + "." + member + " must be a string");
                }
            }
            if (!entry.path("version").isIntegralNumber()) {
                problems.add(at + ".version must be an integer");
            }
            if (problems.size() == before) {
                matchesVersion(entry, at, store, problems);
            }
        }
    }

    private static void matchesVersion(JsonNode entry, String at, ToolStore store, List<String> problems) {
        String toolId = entry.get("toolId").asText();
        Optional<ObjectNode> record = store.get(toolId);
        if (record.isEmpty()) {
            problems.add(at + ".toolId " + toolId + " is not a web tool version");
            return;
        }
        String persistentId = record.get().path("persistentId").asText();
        long version = record.get().path("version").asLong();
        if (!persistentId.equals(entry.get("persistentId").asText()) || version != entry.get("version").asLong()) {
            problems.add(at + " does not match web tool " + toolId + ", which is version " + version
                    + " of persistentId " + persistentId);
        }
    }

    /** v1: {@code webToolsIds} existing tool record ids, {@code webToolsOverrides} keyed by some of them. */
    private static void webTools(JsonNode body, ToolStore store, List<String> problems) {
        Set<String> ids = new HashSet<>();
        if (body.has("webToolsIds")) {
            JsonNode array = body.get("webToolsIds");
            if (!array.isArray()) {
                problems.add("webToolsIds must be an array of strings");
            }
            for (int i = 0; array.isArray() && i < array.size(); i++) {
                JsonNode id = array.get(i);
                if (!id.isTextual()) {
                    problems.add("webToolsIds[" + i + "] must be a string");
                } else if (store.get(id.asText()).isEmpty()) {
                    problems.add("webToolsIds[" + i + "] " + id.asText() + " is not a web tool");
                }
                ids.add(id.asText());
            }
        }
        if (body.has("webToolsOverrides")) {
            JsonNode overrides = body.get("webToolsOverrides");
            if (!overrides.isObject()) {
                problems.add("webToolsOverrides must be an object keyed by ids in webToolsIds");
                return;
            }
            overrides.fieldNames().forEachRemaining(key -> {
                if (!ids.contains(key)) {
                    problems.add("webToolsOverrides." + key + " is not in webToolsIds");
                }
            });
        }
    }
}
