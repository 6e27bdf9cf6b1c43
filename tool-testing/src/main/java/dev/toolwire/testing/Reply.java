package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An answer: status, JSON body, extra headers; and the builders of Hamsa's envelopes
 * ({@code {success: true, data}} and {@code {success: false, message, error: {code, message, details}}}).
 * A body that is a JSON string is sent as that text, under the {@code Content-Type} among the
 * headers ({@link #text}).
 */
record Reply(int status, JsonNode body, Map<String, String> headers) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    Reply(int status, JsonNode body) {
        this(status, body, new LinkedHashMap<>());
    }

    static Reply ok(int status, JsonNode data) {
        return new Reply(status, envelope(data));
    }

    /** A 200 answer of raw text, e.g. an event stream, sent with {@code contentType}. */
    static Reply text(String contentType, String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new Reply(200, NODES.textNode(text), headers);
    }

    static ObjectNode envelope(JsonNode data) {
        ObjectNode envelope = NODES.objectNode().put("success", true);
        envelope.set("data", data);
        return envelope;
    }

    static Reply error(int status, int code, String message, @Nullable List<String> problems) {
        ObjectNode body = NODES.objectNode().put("success", false).put("message", message);
        ObjectNode error = body.putObject("error").put("code", code).put("message", message);
        ObjectNode details = error.putObject("details");
        if (problems != null) {
            problems.forEach(details.putArray("errors")::add);
        }
        return new Reply(status, body);
    }

    static Reply invalid(List<String> problems) {
        return error(400, 10400, "Validation failed", problems);
    }

    static Reply routeNotFound() {
        return error(404, 10404, "Route not found", null);
    }

    static Reply toolNotFound(String id) {
        return error(404, 10404, "Web tool " + id + " does not exist", null);
    }

    static Reply agentNotFound(String id) {
        return error(404, 10404, "Voice agent " + id + " does not exist", null);
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    Reply withHeaders(Map<String, String> extra) {
        headers.putAll(extra);
        return this;
    }

    /**
     * The same answer with {@code "success": false, "message": "success"} in place of {@code "success":
     * true}, the artefact of Hamsa's v1 examples; bodies that are not an envelope stay as they are.
     */
    Reply withSuccessFalse() {
        if (!(body instanceof ObjectNode envelope) || !envelope.has("success")) {
            return this;
        }
        ObjectNode artefact = NODES.objectNode().put("success", false).put("message", "success");
        envelope.properties().forEach(e -> {
            if (!e.getKey().equals("success") && !e.getKey().equals("message")) {
                artefact.set(e.getKey(), e.getValue());
            }
        });
        return new Reply(status, artefact, headers);
    }
}
