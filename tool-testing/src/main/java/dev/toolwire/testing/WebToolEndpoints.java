package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The web-tool operations of an authorised request: routed and validated by the dialect, kept in the
 * store, and shaped by the scripted quirks (list paging, totals, masked credentials).
 */
final class WebToolEndpoints {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ToolDialect dialect;
    private final ToolStore store;
    private final Quirks quirks;

    WebToolEndpoints(ToolDialect dialect, ToolStore store, Quirks quirks) {
        this.dialect = dialect;
        this.store = store;
        this.quirks = quirks;
    }

    /**
     * Answers a request.
     *
     * @param method the method, upper case
     * @param path the path without the base path
     * @param query the query parameters
     * @param body the JSON body, or {@code null}
     * @return the answer
     */
    Reply answer(String method, String path, Map<String, String> query, @Nullable JsonNode body) {
        Optional<Route> route = dialect.route(method, path);
        if (route.isEmpty()) {
            return Reply.routeNotFound();
        }
        String id = route.get().id();
        JsonNode request = body == null ? NODES.nullNode() : body;
        return switch (route.get().operation()) {
            case LIST -> list(query);
            case CREATE -> create(request);
            case UPDATE -> update(id, request);
            case GET -> found(store.get(id), id);
            case TOGGLE -> toggle(request);
            case TEST -> testApiTool(request);
        };
    }

    private Reply list(Map<String, String> query) {
        boolean offsets = quirks.skipIsOffset;
        Integer skip = atLeast(query.getOrDefault("skip", offsets ? "0" : "1"), offsets ? 0 : 1);
        Integer take = atLeast(query.getOrDefault("take", "10"), 1);
        if (skip == null || take == null) {
            return Reply.invalid(List.of(offsets
                    ? "skip must be an integer of at least 0 and take an integer of at least 1"
                    : "skip and take must be integers of at least 1"));
        }
        int size = quirks.cap(take);
        long offset = offsets ? skip : (long) (skip - 1) * size;
        String active = query.get("isActive");
        Boolean isActive = active == null ? null : Boolean.valueOf(active);
        List<ObjectNode> all = quirks.listSupersededVersions
                ? store.allVersions(query.get("search"), isActive)
                : store.latest(query.get("search"), isActive);
        ArrayNode items = NODES.arrayNode();
        all.stream().skip(offset).limit(size).map(this::present).forEach(items::add);
        ObjectNode data = NODES.objectNode();
        data.set("items", items);
        if (!quirks.omitTotal) {
            data.put("total", all.size());
            data.put("filtered", items.size());
        }
        return Reply.ok(200, data);
    }

    private Reply create(JsonNode body) {
        List<String> problems = dialect.problems(body);
        if (!problems.isEmpty()) {
            return Reply.invalid(problems);
        }
        ObjectNode reply = Reply.envelope(present(store.create(body)));
        reply.put("message", "Web tool created successfully").put("messageKey", "WebToolCreatedSuccessfully");
        return new Reply(201, reply);
    }

    private Reply update(String id, JsonNode body) {
        List<String> problems = dialect.problems(body);
        return problems.isEmpty() ? found(store.update(id, body), id) : Reply.invalid(problems);
    }

    private Reply toggle(JsonNode body) {
        String id = body.path("id").asText("");
        if (id.isEmpty() || (body.has("isActive") && !body.get("isActive").isBoolean())) {
            return Reply.invalid(List.of("id is required; isActive must be a boolean"));
        }
        Boolean active = body.has("isActive") ? body.get("isActive").asBoolean() : null;
        return found(store.activate(id, active), id);
    }

    private static Reply testApiTool(JsonNode body) {
        if (!body.path("projectId").isTextual() || !body.path("serverUrl").isTextual()
                || !body.path("method").isTextual()) {
            return Reply.invalid(List.of("projectId, serverUrl and method are required"));
        }
        ObjectNode event = NODES.objectNode().put("event", "attempt");
        event.putObject("data").put("message", "Starting API test...");
        return new Reply(200, event);
    }

    private Reply found(Optional<ObjectNode> tool, String id) {
        return tool.map(t -> Reply.ok(200, present(t))).orElseGet(() -> Reply.toolNotFound(id));
    }

    /** A stored tool (a copy) as answered: its credentials masked when that is scripted. */
    private ObjectNode present(ObjectNode tool) {
        if (quirks.maskSecrets) {
            dialect.maskSecrets(tool);
        }
        return tool;
    }

    private static @Nullable Integer atLeast(String value, int min) {
        try {
            int n = Integer.parseInt(value);
            return n >= min ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
