package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A test-api-tool body (hamsa-api.md §3.6) as the call the fake makes: the URL with the query
 * parameters, the headers ({@code httpHeaders}, then {@code Authorization: <authPrefix> <authToken>},
 * then {@code Content-Type} for a body unless {@code httpHeaders} set one), the JSON body and the
 * timeout ({@code timeout} seconds, default 5).
 *
 * @param method the method
 * @param url the URL, query included
 * @param headers the headers to send, in order, names as given
 * @param body the JSON body, or {@code null}
 * @param timeout the timeout
 * @param seconds the timeout as the request gave it, e.g. {@code 5} or {@code 2.5}
 */
record ApiToolRequest(String method, String url, Map<String, String> headers, @Nullable JsonNode body,
        Duration timeout, String seconds) {

    private static final List<String> STRINGS = List.of("apiKey", "userId", "authPrefix", "authToken");

    /** Every rule a body breaks; empty when it is valid. */
    static List<String> problems(JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (!body.isObject()) {
            problems.add("body must be a JSON object");
            return problems;
        }
        if (!body.path("projectId").isTextual() || !body.get("projectId").asText().equals(ToolStore.PROJECT_ID)) {
            problems.add("projectId must be the id of the API key's project (GET /v1/projects/by-api-key)");
        }
        if (!body.path("serverUrl").isTextual() || !WebToolValidator.isHttpUrl(body.get("serverUrl").asText())) {
            problems.add("serverUrl must be an absolute http(s) URL");
        }
        if (!body.path("method").isTextual() || !WebToolValidator.METHODS.contains(body.get("method").asText())) {
            problems.add("method must be one of " + WebToolValidator.methodList());
        }
        for (String member : STRINGS) {
            if (given(body, member) && !body.get(member).isTextual()) {
                problems.add(member + " must be a string");
            }
        }
        if (given(body, "timeout") && (!body.get("timeout").isNumber() || body.get("timeout").doubleValue() <= 0)) {
            problems.add("timeout must be a positive number of seconds");
        }
        for (String member : List.of("httpHeaders", "queryParams")) {
            if (given(body, member) && !scalars(body.get(member))) {
                problems.add(member + " must be an object of strings");
            }
        }
        if (given(body, "body") && !body.get("body").isObject()) {
            problems.add("body must be an object");
        }
        return problems;
    }

    /** The call a valid body asks for. */
    static ApiToolRequest of(JsonNode body) {
        Map<String, String> headers = new LinkedHashMap<>();
        body.path("httpHeaders").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        if (given(body, "authToken")) {
            String prefix = given(body, "authPrefix") ? body.get("authPrefix").asText().strip() : "";
            String token = body.get("authToken").asText();
            headers.keySet().removeIf(name -> name.equalsIgnoreCase("Authorization"));
            headers.put("Authorization", prefix.isEmpty() ? token : prefix + " " + token);
        }
        JsonNode json = given(body, "body") ? body.get("body") : null;
        if (json != null && headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Content-Type"))) {
            headers.put("Content-Type", "application/json");
        }
        BigDecimal seconds = given(body, "timeout") ? body.get("timeout").decimalValue() : BigDecimal.valueOf(5);
        Duration timeout = Duration.ofMillis(Math.max(1, seconds.movePointRight(3).longValue()));
        return new ApiToolRequest(body.get("method").asText(), url(body), headers, json, timeout,
                seconds.stripTrailingZeros().toPlainString());
    }

    /** The headers as a {@link TestCall} records them: names in lower case. */
    Map<String, String> recordedHeaders() {
        Map<String, String> recorded = new LinkedHashMap<>();
        headers.forEach((name, value) -> recorded.put(name.toLowerCase(Locale.ROOT), value));
        return recorded;
    }

    private static String url(JsonNode body) {
        String base = body.get("serverUrl").asText();
        int fragment = base.indexOf('#');
        StringBuilder url = new StringBuilder(fragment < 0 ? base : base.substring(0, fragment));
        char separator = url.indexOf("?") < 0 ? '?' : '&';
        for (Map.Entry<String, JsonNode> param : body.path("queryParams").properties()) {
            url.append(separator).append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(param.getValue().asText(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    /** Whether an optional member is there: present and not {@code null}. */
    private static boolean given(JsonNode body, String member) {
        return body.has(member) && !body.get(member).isNull();
    }

    /** An object whose values are strings, numbers or booleans (sent as their text). */
    private static boolean scalars(JsonNode node) {
        if (!node.isObject()) {
            return false;
        }
        for (JsonNode value : node) {
            if (!value.isValueNode() || value.isNull()) {
                return false;
            }
        }
        return true;
    }
}
