package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The fake's tools, whatever the dialect. Every version is a record of its own (its own {@code id});
 * an update adds a record with {@code version + 1} and the same {@code persistentId}, the inference
 * of hamsa-api.md §2.4. The store owns the dialect-neutral fields ({@code id}, {@code persistentId},
 * {@code version}, {@code name}, {@code userId}, {@code projectId}, {@code isActive}, {@code createdAt},
 * {@code updatedAt}); the dialect's answer fields of a request body fill in the rest.
 */
final class ToolStore {

    static final String USER_ID = "00000000-0000-4000-8000-00000000f00d";
    static final String PROJECT_ID = "00000000-0000-4000-8000-0000000ba5e0";

    private final Clock clock;
    private final Function<JsonNode, ObjectNode> answerFields;
    private final Map<String, ObjectNode> byId = new LinkedHashMap<>();
    private final Map<String, String> latestByPersistentId = new LinkedHashMap<>();

    /**
     * @param clock the time of {@code createdAt} and {@code updatedAt}
     * @param answerFields the dialect's answer fields of a valid request body, {@code type} first
     */
    ToolStore(Clock clock, Function<JsonNode, ObjectNode> answerFields) {
        this.clock = clock;
        this.answerFields = answerFields;
    }

    synchronized ObjectNode create(JsonNode body) {
        ObjectNode tool = record(body, UUID.randomUUID().toString(), 1, true);
        tool.put("createdAt", clock.instant().toString());
        store(tool);
        return tool.deepCopy();
    }

    /** A new version of the tool that {@code id} (any of its versions) belongs to. */
    synchronized Optional<ObjectNode> update(String id, JsonNode body) {
        ObjectNode latest = latestOf(id);
        if (latest == null) {
            return Optional.empty();
        }
        ObjectNode tool = record(body, latest.path("persistentId").asText(), latest.path("version").asInt() + 1,
                latest.path("isActive").asBoolean());
        tool.put("createdAt", latest.path("createdAt").asText());
        store(tool);
        return Optional.of(tool.deepCopy());
    }

    synchronized Optional<ObjectNode> get(String id) {
        return Optional.ofNullable(byId.get(id)).map(ObjectNode::deepCopy);
    }

    /** The latest version record of the tool that the record {@code id} (any of its versions) belongs to. */
    synchronized Optional<ObjectNode> latestForRecord(String id) {
        return Optional.ofNullable(latestOf(id)).map(ObjectNode::deepCopy);
    }

    /** The latest version record of the tool with that {@code persistentId}. */
    synchronized Optional<ObjectNode> latestForPersistentId(String persistentId) {
        String id = latestByPersistentId.get(persistentId);
        return id == null ? Optional.empty() : Optional.of(byId.get(id).deepCopy());
    }

    /** Sets (or, when {@code active} is null, flips) the activation of the tool {@code id} belongs to. */
    synchronized Optional<ObjectNode> activate(String id, @Nullable Boolean active) {
        ObjectNode latest = latestOf(id);
        if (latest == null) {
            return Optional.empty();
        }
        latest.put("isActive", active == null ? !latest.path("isActive").asBoolean() : active);
        latest.put("updatedAt", clock.instant().toString());
        return Optional.of(latest.deepCopy());
    }

    /** The latest version of each tool that matches, oldest tool first. */
    synchronized List<ObjectNode> latest(@Nullable String search, @Nullable Boolean active) {
        return matching(latestByPersistentId.values().stream().map(byId::get).toList(), search, active);
    }

    /** Every version record that matches, each with its own state, in the order the records were made. */
    synchronized List<ObjectNode> allVersions(@Nullable String search, @Nullable Boolean active) {
        return matching(byId.values(), search, active);
    }

    /** Every version record of the tools whose latest version is named {@code name}, oldest record first. */
    synchronized List<ObjectNode> versions(String name) {
        Set<String> persistentIds = latestByPersistentId.values().stream().map(byId::get)
                .filter(t -> t.path("name").asText().equals(name))
                .map(t -> t.path("persistentId").asText())
                .collect(Collectors.toSet());
        return byId.values().stream().filter(t -> persistentIds.contains(t.path("persistentId").asText()))
                .map(ObjectNode::deepCopy).toList();
    }

    /** Replaces one member of the latest version of the tool named {@code name}; false when there is none. */
    synchronized boolean replaceMember(String name, String member, JsonNode value) {
        for (String id : latestByPersistentId.values()) {
            ObjectNode tool = byId.get(id);
            if (tool.path("name").asText().equals(name)) {
                tool.set(member, value.deepCopy());
                return true;
            }
        }
        return false;
    }

    synchronized int versionCount() {
        return byId.size();
    }

    synchronized void clear() {
        byId.clear();
        latestByPersistentId.clear();
    }

    private @Nullable ObjectNode latestOf(String id) {
        ObjectNode found = byId.get(id);
        return found == null ? null : byId.get(latestByPersistentId.get(found.path("persistentId").asText()));
    }

    private static List<ObjectNode> matching(Collection<ObjectNode> tools, @Nullable String search,
            @Nullable Boolean active) {
        List<ObjectNode> result = new ArrayList<>();
        for (ObjectNode tool : tools) {
            String name = tool.path("name").asText().toLowerCase(Locale.ROOT);
            if ((search == null || name.contains(search.toLowerCase(Locale.ROOT)))
                    && (active == null || tool.path("isActive").asBoolean() == active)) {
                result.add(tool.deepCopy());
            }
        }
        return result;
    }

    private void store(ObjectNode tool) {
        byId.put(tool.path("id").asText(), tool);
        latestByPersistentId.put(tool.path("persistentId").asText(), tool.path("id").asText());
    }

    /** The answer shape of a request body: the store's fields around the dialect's. */
    private ObjectNode record(JsonNode body, String persistentId, int version, boolean active) {
        ObjectNode tool = JsonNodeFactory.instance.objectNode();
        tool.put("id", UUID.randomUUID().toString());
        tool.put("persistentId", persistentId);
        tool.put("version", version);
        tool.put("name", body.path("name").asText());
        tool.putNull("type"); // holds the place the dialect's "type" takes below
        tool.put("userId", USER_ID);
        tool.put("projectId", PROJECT_ID);
        tool.put("isActive", active);
        tool.setAll(answerFields.apply(body));
        tool.put("updatedAt", clock.instant().toString());
        return tool;
    }
}
