package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API reference pages' dialect: routes under {@code /v2/voice-agents/web-tool} (and the v1
 * aliases; version-check only under v2), bodies with {@code params} and a nested {@code toolSettings}, answers with {@code
 * toolSettings.timeout} in milliseconds (hamsa-api.md §3).
 */
final class ReferenceDialect implements ToolDialect {

    /** The guide's top-level members, rejected so a client speaking the wrong dialect is caught. */
    static final List<String> GUIDE_ONLY = List.of("url", "parameters", "authType", "headers", "timeoutSeconds");

    private static final String TOOL = "/voice-agents/web-tool";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public Optional<Route> route(String method, String path) {
        Optional<Route> shared = Route.sharedV1(method, path);
        if (shared.isPresent()) {
            return shared;
        }
        boolean v1 = path.startsWith("/v1" + TOOL);
        if (!v1 && !path.startsWith("/v2" + TOOL)) {
            return Optional.empty();
        }
        String rest = path.substring(3 + TOOL.length());
        if (method.equals("GET") && rest.equals("/list")) {
            return Optional.of(Route.of(Route.Operation.LIST));
        }
        if (method.equals("POST") && rest.isEmpty()) {
            return Optional.of(Route.of(Route.Operation.CREATE));
        }
        if (method.equals("POST") && !v1 && rest.equals("/version-check")) {
            return Optional.of(Route.of(Route.Operation.VERSION_CHECK));
        }
        if (rest.matches("/[^/]+")) {
            String id = rest.substring(1);
            if (method.equals("PATCH")) {
                return Optional.of(new Route(Route.Operation.UPDATE, id));
            }
            if (method.equals("GET") && v1) {
                return Optional.of(new Route(Route.Operation.GET, id));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> problems(JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (body.isObject()) {
            ToolDialect.rejectForeignMembers(body, GUIDE_ONLY, "guide", "reference", problems);
        }
        problems.addAll(WebToolValidator.problems(body));
        return problems;
    }

    @Override
    public ObjectNode answerFields(JsonNode body) {
        ObjectNode fields = NODES.objectNode();
        fields.put("type", body.path("type").asText());
        fields.put("async", body.path("async").asBoolean(false));
        fields.put("description", body.path("description").asText());
        fields.set("collectionId", body.path("collectionId").isTextual() ? body.get("collectionId") : NODES.nullNode());
        fields.set("toolSettings", settings(body.path("toolSettings")));
        fields.set("params", body.path("params").isObject() ? body.get("params").deepCopy() : NODES.objectNode());
        fields.set("messages", body.path("messages").isArray() ? body.get("messages").deepCopy() : NODES.arrayNode());
        return fields;
    }

    /** Masks {@code toolSettings.authToken} and every {@code toolSettings.httpHeaders} value. */
    @Override
    public void maskSecrets(ObjectNode tool) {
        if (!(tool.get("toolSettings") instanceof ObjectNode settings)) {
            return;
        }
        if (settings.path("authToken").isTextual()) {
            settings.put("authToken", Secrets.maskToken(settings.get("authToken").asText()));
        }
        if (settings.get("httpHeaders") instanceof ObjectNode headers) {
            ObjectNode masked = NODES.objectNode();
            headers.fieldNames().forEachRemaining(name -> masked.put(name, Secrets.MASK));
            settings.set("httpHeaders", masked);
        }
    }

    /**
     * Answers {@code timeout} in milliseconds, and adds the empty maps and null token a real server
     * fills in, so clients must normalise (hamsa-api.md §3.1 and §8.3 inference).
     */
    private static ObjectNode settings(JsonNode requested) {
        ObjectNode settings = NODES.objectNode();
        settings.put("serverUrl", requested.path("serverUrl").asText());
        settings.put("methodType", requested.path("methodType").asText());
        settings.set("authToken", requested.path("authToken").isTextual() ? requested.get("authToken") : NODES.nullNode());
        settings.put("timeout", requested.path("timeOut").asLong(10) * 1000);
        settings.set("httpHeaders", objectOrEmpty(requested.path("httpHeaders")));
        settings.set("pathParameters", objectOrEmpty(requested.path("pathParameters")));
        return settings;
    }

    private static JsonNode objectOrEmpty(JsonNode node) {
        return node.isObject() ? node.deepCopy() : NODES.objectNode();
    }
}
