package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The web-tool operations of an authorised request: routed and validated by the dialect, kept in the
 * store, and shaped by the scripted quirks (list paging, totals, masked credentials); plus the
 * routes that sit beside them (version-check, the key's project, test-api-tool).
 */
final class WebToolEndpoints implements Endpoints {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ToolDialect dialect;
    private final ToolStore store;
    private final Quirks quirks;
    private final ApiToolTester tester;

    WebToolEndpoints(ToolDialect dialect, ToolStore store, Quirks quirks, ApiToolTester tester) {
        this.dialect = dialect;
        this.store = store;
        this.quirks = quirks;
        this.tester = tester;
    }

    @Override
    public Optional<Reply> answer(String method, String path, Map<String, String> query, @Nullable JsonNode body) {
        return dialect.route(method, path).map(route -> answer(route, query, body == null ? NODES.nullNode() : body));
    }

    private Reply answer(Route route, Map<String, String> query, JsonNode request) {
        String id = route.id();
        return switch (route.operation()) {
            case LIST -> list(query);
            case CREATE -> create(request);
            case UPDATE -> update(id, request);
            case GET -> found(store.get(id), id);
            case TOGGLE -> toggle(request);
            case TEST -> tester.answer(request);
            case VERSION_CHECK -> VersionCheck.answer(request, store);
            case PROJECT -> project();
        };
    }

    private Reply list(Map<String, String> query) {
        Runnable hook = quirks.beforeList;
        if (hook != null) {
            hook.run();
        }
        String active = query.get("isActive");
        Boolean isActive = active == null ? null : Boolean.valueOf(active);
        List<ObjectNode> all = quirks.listSupersededVersions
                ? store.allVersions(query.get("search"), isActive)
                : store.latest(query.get("search"), isActive);
        return ListPage.answer(all, query, quirks, this::present);
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

    private static Reply project() {
        return Reply.ok(200, NODES.objectNode().put("id", ToolStore.PROJECT_ID).put("name", "Fake Hamsa project"));
    }

    private Reply found(Optional<ObjectNode> tool, String id) {
        return tool.map(t -> Reply.ok(200, present(t))).orElseGet(() -> Reply.toolNotFound(id));
    }

    /** A stored tool (a copy) as answered: its credentials masked, its creation time left out, when that is scripted. */
    private ObjectNode present(ObjectNode tool) {
        if (quirks.maskSecrets) {
            dialect.maskSecrets(tool);
        }
        if (quirks.omitCreatedAt) {
            tool.remove("createdAt");
        }
        return tool;
    }
}
