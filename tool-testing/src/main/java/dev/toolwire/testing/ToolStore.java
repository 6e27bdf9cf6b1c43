package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The fake's tools. Every version is a record of its own (its own {@code id}); an update adds a
 * record with {@code version + 1} and the same {@code persistentId}, the inference of hamsa-api.md
 * §2.4. Lists show the latest version of each tool, oldest tool first.
 */
final class ToolStore {

    static final String USER_ID = "00000000-0000-4000-8000-00000000f00d";
    static final String PROJECT_ID = "00000000-0000-4000-8000-0000000ba5e0";

    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, ObjectNode> byId = new LinkedHashMap<>();
    private final Map<String, String> latestByPersistentId = new LinkedHashMap<>();

    ToolStore(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    synchronized ObjectNode create(JsonNode body) {
        String persistentId = UUID.randomUUID().toString();
        ObjectNode tool = record(body, persistentId, 1, true);
        tool.put("createdAt", clock.instant().toString());
        store(tool);
        return tool.deepCopy();
    }

    /** A new version of the tool that {@code id} (any of its versions) belongs to. */
    synchronized Optional<ObjectNode> update(String id, JsonNode body) {
        ObjectNode old = byId.get(id);
        if (old == null) {
            return Optional.empty();
        }
        ObjectNode latest = byId.get(latestByPersistentId.get(old.path("persistentId").asText()));
        ObjectNode tool = record(body, latest.path("persistentId").asText(), latest.path("version").asInt() + 1,
                latest.path("isActive").asBoolean());
        tool.put("createdAt", latest.path("createdAt").asText());
        store(tool);
        return Optional.of(tool.deepCopy());
    }

    synchronized Optional<ObjectNode> get(String id) {
        return Optional.ofNullable(byId.get(id)).map(ObjectNode::deepCopy);
    }

    /** Sets (or, when {@code active} is null, flips) the activation of the tool {@code id} belongs to. */
    synchronized Optional<ObjectNode> activate(String id, Boolean active) {
        ObjectNode found = byId.get(id);
        if (found == null) {
            return Optional.empty();
        }
        ObjectNode latest = byId.get(latestByPersistentId.get(found.path("persistentId").asText()));
        latest.put("isActive", active == null ? !latest.path("isActive").asBoolean() : active);
        latest.put("updatedAt", clock.instant().toString());
        return Optional.of(latest.deepCopy());
    }

    synchronized List<ObjectNode> latest(String search, Boolean active) {
        List<ObjectNode> result = new ArrayList<>();
        for (String id : latestByPersistentId.values()) {
            ObjectNode tool = byId.get(id);
            String name = tool.path("name").asText().toLowerCase(Locale.ROOT);
            if ((search == null || name.contains(search.toLowerCase(Locale.ROOT)))
                    && (active == null || tool.path("isActive").asBoolean() == active)) {
                result.add(tool.deepCopy());
            }
        }
        return result;
    }

    synchronized int versionCount() {
        return byId.size();
    }

    synchronized void clear() {
        byId.clear();
        latestByPersistentId.clear();
    }

    private void store(ObjectNode tool) {
        byId.put(tool.path("id").asText(), tool);
        latestByPersistentId.put(tool.path("persistentId").asText(), tool.path("id").asText());
    }

    /** The response shape of a request body: server fields added, {@code timeOut} answered as {@code timeout}. */
    private ObjectNode record(JsonNode body, String persistentId, int version, boolean active) {
        ObjectNode tool = json.createObjectNode();
        tool.put("id", UUID.randomUUID().toString());
        tool.put("persistentId", persistentId);
        tool.put("version", version);
        tool.put("name", body.path("name").asText());
        tool.put("type", body.path("type").asText());
        tool.put("userId", USER_ID);
        tool.put("projectId", PROJECT_ID);
        tool.put("isActive", active);
        tool.put("async", body.path("async").asBoolean(false));
        tool.put("description", body.path("description").asText());
        tool.set("collectionId", body.path("collectionId").isTextual() ? body.get("collectionId") : json.nullNode());
        tool.set("toolSettings", settings(body.path("toolSettings")));
        tool.set("params", body.path("params").isObject() ? body.get("params").deepCopy() : json.createObjectNode());
        tool.set("messages", body.path("messages").isArray() ? body.get("messages").deepCopy() : json.createArrayNode());
        tool.put("updatedAt", clock.instant().toString());
        return tool;
    }

    /**
     * Answers {@code timeout} in milliseconds, and adds the empty maps and null token a real server
     * fills in, so clients must normalise (hamsa-api.md §3.1 and §8.3 inference).
     */
    private ObjectNode settings(JsonNode requested) {
        ObjectNode settings = json.createObjectNode();
        settings.put("serverUrl", requested.path("serverUrl").asText());
        settings.put("methodType", requested.path("methodType").asText());
        settings.set("authToken", requested.path("authToken").isTextual() ? requested.get("authToken") : json.nullNode());
        settings.put("timeout", requested.path("timeOut").asLong(10) * 1000);
        settings.set("httpHeaders", objectOrEmpty(requested.path("httpHeaders")));
        settings.set("pathParameters", objectOrEmpty(requested.path("pathParameters")));
        return settings;
    }

    private JsonNode objectOrEmpty(JsonNode node) {
        return node.isObject() ? node.deepCopy() : json.createObjectNode();
    }

    static ArrayNode page(ObjectMapper json, List<ObjectNode> all, int page, int size) {
        ArrayNode items = json.createArrayNode();
        all.stream().skip((long) (page - 1) * size).limit(size).forEach(items::add);
        return items;
    }
}
