package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The integration guide's dialect (hamsa-api.md §8.1 and §8.2; seeds 000 and 003): routes under
 * {@code /v2/web-tool}, toggle-activation and test-api-tool under {@code /v1/voice-agents/web-tool},
 * and a flat tool ({@code url}, {@code methodType}, {@code authType}, {@code authToken}, {@code
 * headers: [{name, value}]}, {@code pathParameters: [{name, defaultValue}]}, {@code parameters},
 * {@code timeoutSeconds}) in requests and answers alike.
 */
final class GuideDialect implements ToolDialect {

    /** The reference's top-level members, rejected so a client speaking the wrong dialect is caught. */
    static final List<String> REFERENCE_ONLY = List.of("toolSettings", "params");

    private static final String TOOL = "/v2/web-tool";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public Optional<Route> route(String method, String path) {
        if (path.equals(TOOL) && method.equals("POST")) {
            return Optional.of(Route.of(Route.Operation.CREATE));
        }
        if (path.equals(TOOL + "/list") && method.equals("GET")) {
            return Optional.of(Route.of(Route.Operation.LIST));
        }
        if (path.startsWith(TOOL + "/") && method.equals("PATCH")) {
            String id = path.substring(TOOL.length() + 1);
            if (!id.isEmpty() && !id.contains("/")) {
                return Optional.of(new Route(Route.Operation.UPDATE, id));
            }
        }
        return Route.sharedV1(method, path);
    }

    @Override
    public List<String> problems(JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (body.isObject()) {
            ToolDialect.rejectForeignMembers(body, REFERENCE_ONLY, "reference", "guide", problems);
        }
        problems.addAll(GuideValidator.problems(body));
        return problems;
    }

    @Override
    public ObjectNode answerFields(JsonNode body) {
        ObjectNode fields = NODES.objectNode();
        fields.put("type", body.path("type").asText("FUNCTION"));
        fields.put("async", body.path("async").asBoolean(false));
        fields.put("description", body.path("description").asText());
        fields.set("collectionId", textOrNull(body.path("collectionId")));
        fields.put("methodType", body.path("methodType").asText());
        fields.put("url", body.path("url").asText());
        fields.put("authType", body.path("authType").asText());
        fields.set("authToken", textOrNull(body.path("authToken")));
        fields.set("headers", pairs(body.path("headers"), "value"));
        fields.set("pathParameters", pairs(body.path("pathParameters"), "defaultValue"));
        fields.set("parameters", body.path("parameters").isObject() ? body.get("parameters").deepCopy() : NODES.objectNode());
        fields.set("timeoutSeconds", body.path("timeoutSeconds").isNumber() ? body.get("timeoutSeconds") : NODES.numberNode(10));
        fields.set("messages", body.path("messages").isArray() ? body.get("messages").deepCopy() : NODES.arrayNode());
        return fields;
    }

    /** Masks {@code authToken} and every {@code headers[].value}. */
    @Override
    public void maskSecrets(ObjectNode tool) {
        if (tool.path("authToken").isTextual()) {
            tool.put("authToken", Secrets.maskToken(tool.get("authToken").asText()));
        }
        for (JsonNode header : tool.path("headers")) {
            if (header instanceof ObjectNode pair) {
                pair.put("value", Secrets.MASK);
            }
        }
    }

    private static JsonNode textOrNull(JsonNode node) {
        return node.isTextual() ? node : NODES.nullNode();
    }

    /** {@code [{name, <valueField>}]} from a valid optional array, empty when absent. */
    private static ArrayNode pairs(JsonNode requested, String valueField) {
        ArrayNode pairs = NODES.arrayNode();
        for (JsonNode pair : requested) {
            pairs.addObject().put("name", pair.path("name").asText()).put(valueField, pair.path(valueField).asText());
        }
        return pairs;
    }
}
