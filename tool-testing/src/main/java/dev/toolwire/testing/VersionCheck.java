package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v2/voice-agents/web-tool/version-check} (hamsa-api.md §3.4): for each tool record id,
 * whether a newer version of its tool exists, and which. Override conflicts are always empty (the
 * fake does not compare overrides with a tool's parameters).
 */
final class VersionCheck {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private VersionCheck() {}

    static Reply answer(JsonNode body, ToolStore store) {
        List<String> problems = problems(body);
        if (!problems.isEmpty()) {
            return Reply.invalid(problems);
        }
        ArrayNode results = NODES.arrayNode();
        for (JsonNode id : body.get("webToolIds")) {
            results.add(check(id.asText(), store));
        }
        return Reply.ok(200, results);
    }

    private static ObjectNode check(String id, ToolStore store) {
        ObjectNode result = NODES.objectNode().put("toolId", id);
        Optional<ObjectNode> record = store.get(id);
        Optional<ObjectNode> latest = store.latestForRecord(id);
        if (record.isEmpty() || latest.isEmpty()) {
            return result.put("error", "Web tool not found");
        }
        result.put("hasNewerVersions", latest.get().path("version").asInt() > record.get().path("version").asInt());
        result.put("latestVersion", latest.get().path("version").asInt());
        result.put("latestVersionToolId", latest.get().path("id").asText());
        ObjectNode conflicts = result.putObject("conflicts");
        conflicts.putArray("params");
        conflicts.putArray("httpHeaders");
        return result;
    }

    private static List<String> problems(JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (!body.isObject()) {
            problems.add("body must be a JSON object");
            return problems;
        }
        JsonNode ids = body.path("webToolIds");
        boolean strings = ids.isArray();
        for (JsonNode id : ids) {
            strings &= id.isTextual();
        }
        if (!strings) {
            problems.add("webToolIds must be an array of strings");
        }
        JsonNode overrides = body.path("overrides");
        if (!overrides.isMissingNode() && !overrides.isNull() && !overrides.isObject()) {
            problems.add("overrides must be an object");
        }
        return problems;
    }
}
