package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The create/update body rules the Hamsa reference pages state (hamsa-api.md §3.1, §3.3): each
 * violated rule is one problem, answered together as a {@code 400} with code {@code 10400}. The
 * rules both dialects share ({@link #text}, {@link #messages}, {@link #isHttpUrl}) live here too.
 */
final class WebToolValidator {

    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private WebToolValidator() {}

    static List<String> problems(JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (!body.isObject()) {
            problems.add("body must be a JSON object");
            return problems;
        }
        String type = body.path("type").asText("");
        if (!type.equals("FUNCTION") && !type.equals("MCP")) {
            problems.add("type must be one of FUNCTION, MCP");
        }
        text(body, "name", 250, problems);
        text(body, "description", 1000, problems);
        boolean function = !type.equals("MCP");
        if (function && !body.path("async").isBoolean()) {
            problems.add("async must be a boolean");
        }
        if (!function && body.has("async")) {
            problems.add("async is not allowed for MCP tools");
        }
        if (body.has("params") && (!function || !body.get("params").isObject())) {
            problems.add(function ? "params must be an object" : "params is not allowed for MCP tools");
        }
        messages(body.path("messages"), problems);
        if (function) {
            settings(body.path("toolSettings"), problems);
        }
        if (body.has("collectionId") && !body.get("collectionId").isTextual() && !body.get("collectionId").isNull()) {
            problems.add("collectionId must be a string");
        }
        return problems;
    }

    static void text(JsonNode body, String field, int max, List<String> problems) {
        JsonNode value = body.path(field);
        if (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > max) {
            problems.add(field + " must be a string of 1 to " + max + " characters");
        }
    }

    static void messages(JsonNode messages, List<String> problems) {
        if (messages.isMissingNode() || messages.isNull()) {
            return;
        }
        if (!messages.isArray()) {
            problems.add("messages must be an array");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode message : messages) {
            String type = message.path("type").asText("");
            if (type.isEmpty() || !message.path("content").isTextual()) {
                problems.add("each message needs a type and a content");
            } else if (!seen.add(type)) {
                problems.add("message type " + type + " appears more than once");
            }
        }
    }

    private static void settings(JsonNode settings, List<String> problems) {
        if (!settings.isObject()) {
            problems.add("toolSettings is required");
            return;
        }
        String url = settings.path("serverUrl").asText("");
        if (!isHttpUrl(url)) {
            problems.add("toolSettings.serverUrl must be an absolute http(s) URL");
        }
        if (!METHODS.contains(settings.path("methodType").asText(""))) {
            problems.add("toolSettings.methodType must be one of " + methodList());
        }
        if (settings.has("timeOut") && !settings.get("timeOut").isNumber()) {
            problems.add("toolSettings.timeOut must be a number");
        }
        for (String map : List.of("httpHeaders", "pathParameters")) {
            JsonNode value = settings.path(map);
            if (!value.isMissingNode() && !value.isNull() && !value.isObject()) {
                problems.add("toolSettings." + map + " must be an object");
            }
        }
        if (settings.has("authToken") && !settings.get("authToken").isTextual()) {
            problems.add("toolSettings.authToken must be a string");
        }
    }

    static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String methodList() {
        return String.join(", ", METHODS.stream().sorted().toList());
    }
}
