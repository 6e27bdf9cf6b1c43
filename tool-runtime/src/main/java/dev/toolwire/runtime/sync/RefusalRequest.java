package dev.toolwire.runtime.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.invoke.ArgumentMerger;
import dev.toolwire.runtime.invoke.SchemaValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request to a tool that the tool's own argument validation refuses, so calling it can change
 * nothing: Toolwire authenticates before it validates, so its {@code 400} proves that the URL, TLS and
 * the credential work. Path placeholders get {@value #VALUE}; when that alone is not refused (no
 * required argument left out, no path pattern it breaks), one argument of the wrong type (a body) or
 * a string its schema refuses (a query) is added. Each candidate is checked with the same merging and
 * schema validation the server runs; a tool no such request can refuse is not called at all.
 *
 * @param pathValues a value for each path placeholder
 * @param query query arguments (GET and DELETE tools)
 * @param body a JSON body (other methods), or null
 */
record RefusalRequest(Map<String, String> pathValues, Map<String, String> query, ObjectNode body) {

    /** The value placed where an argument goes; no schema the generator writes accepts it where it is used. */
    static final String VALUE = "!toolwire-verify";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    static Optional<RefusalRequest> of(ToolDescriptor tool) {
        Map<String, String> path = new LinkedHashMap<>();
        tool.pathParameters().forEach(p -> path.put(p.name(), VALUE));
        Schema schema = SchemaValidator.compile(tool.params());
        RefusalRequest bare = new RefusalRequest(path, Map.of(), NODES.objectNode());
        if (bare.isRefused(tool, schema)) {
            return Optional.of(bare);
        }
        boolean body = BODY_METHODS.contains(tool.method());
        for (Map.Entry<String, JsonNode> property : tool.params().path("properties").properties()) {
            if (path.containsKey(property.getKey())) {
                continue;
            }
            RefusalRequest candidate = body
                    ? new RefusalRequest(path, Map.of(), NODES.objectNode().set(property.getKey(), wrongType(property.getValue())))
                    : new RefusalRequest(path, Map.of(property.getKey(), VALUE), NODES.objectNode());
            if (candidate.isRefused(tool, schema)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private boolean isRefused(ToolDescriptor tool, Schema schema) {
        Map<String, List<String>> queryLists = new LinkedHashMap<>();
        query.forEach((k, v) -> queryLists.put(k, List.of(v)));
        JsonNode merged = ArgumentMerger.merge(tool.params(), pathValues, queryLists, body.isEmpty() ? null : body);
        return !schema.validate(merged).isEmpty();
    }

    /** A JSON value of another type than the property's: a number for text, text for anything else. */
    private static JsonNode wrongType(JsonNode property) {
        return "string".equals(property.path("type").asText()) ? NODES.numberNode(0) : NODES.textNode(VALUE);
    }
}
