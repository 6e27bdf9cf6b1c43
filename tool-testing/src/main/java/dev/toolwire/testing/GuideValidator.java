package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The create/update body rules of the guide dialect, the flat tool the integration guide shows
 * (hamsa-api.md §8.1, seed 003): each violated rule is one problem, answered together as a {@code
 * 400} with code {@code 10400}. Name, description and message rules are the reference's.
 */
final class GuideValidator {

    private static final Set<String> AUTH_TYPES = Set.of("jwtAuth", "none");
    private static final Set<String> TYPES = Set.of("FUNCTION", "MCP");

    private GuideValidator() {}

    static List<String> problems(JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (!body.isObject()) {
            problems.add("body must be a JSON object");
            return problems;
        }
        if (body.has("type") && !TYPES.contains(body.get("type").asText(""))) {
            problems.add("type must be one of FUNCTION, MCP");
        }
        WebToolValidator.text(body, "name", 250, problems);
        WebToolValidator.text(body, "description", 1000, problems);
        if (!WebToolValidator.METHODS.contains(body.path("methodType").asText(""))) {
            problems.add("methodType must be one of " + WebToolValidator.methodList());
        }
        if (!body.path("url").isTextual() || !WebToolValidator.isHttpUrl(body.get("url").asText())) {
            problems.add("url must be an absolute http(s) URL");
        }
        if (!AUTH_TYPES.contains(body.path("authType").asText(""))) {
            problems.add("authType must be one of jwtAuth, none");
        }
        if (body.has("authToken") && !body.get("authToken").isTextual()) {
            problems.add("authToken must be a string");
        }
        pairs(body, "headers", "value", problems);
        pairs(body, "pathParameters", "defaultValue", problems);
        if (body.has("parameters") && !body.get("parameters").isObject()) {
            problems.add("parameters must be an object");
        }
        if (body.has("timeoutSeconds") && !body.get("timeoutSeconds").isNumber()) {
            problems.add("timeoutSeconds must be a number");
        }
        if (!body.path("async").isBoolean()) {
            problems.add("async must be a boolean");
        }
        WebToolValidator.messages(body.path("messages"), problems);
        if (body.has("collectionId") && !body.get("collectionId").isTextual() && !body.get("collectionId").isNull()) {
            problems.add("collectionId must be a string");
        }
        return problems;
    }

    /** An optional array of {@code {name: string, <valueField>: string}}, the name not empty. */
    private static void pairs(JsonNode body, String field, String valueField, List<String> problems) {
        if (!body.has(field)) {
            return;
        }
        JsonNode array = body.get(field);
        if (!array.isArray()) {
            problems.add(field + " must be an array of {name, " + valueField + "}");
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode pair = array.get(i);
            if (!pair.path("name").isTextual() || pair.get("name").asText().isEmpty()
                    || !pair.path(valueField).isTextual()) {
                problems.add(field + "[" + i + "] must be {name: string, " + valueField + ": string}");
            }
        }
    }
}
