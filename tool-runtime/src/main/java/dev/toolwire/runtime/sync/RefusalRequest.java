package dev.toolwire.runtime.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import dev.toolwire.runtime.hamsa.WebToolDefinition;
import dev.toolwire.runtime.invoke.ArgumentMerger;
import dev.toolwire.runtime.invoke.SchemaValidator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request {@code sync --verify} has Hamsa send a tool: one the tool refuses before it runs, so
 * calling it changes nothing, and Toolwire, which authenticates before it validates, answers
 * {@code 400}. It carries no argument at all: only path placeholders, each filled with
 * {@value #VALUE}. That is refused when the published schema requires an argument other than a path
 * one, or when a path value breaks the schema (a pattern, a type). The check runs here first, with the
 * server's own merging and schema validation on the schema as published (what the server just synced
 * serves); a tool it would not refuse is not called at all. Arguments in a body or a query are never
 * relied on: how Hamsa forwards them is not documented, and a dropped one would leave a request the
 * tool accepts.
 *
 * @param pathValues a value for each path placeholder
 */
record RefusalRequest(Map<String, String> pathValues) {

    /** The value placed in each path placeholder; no path pattern the generator writes accepts it. */
    static final String VALUE = "!toolwire-verify";

    /** A {@code :name} path placeholder: a whole segment. */
    static final Pattern PLACEHOLDER = Pattern.compile("(?<=/):([A-Za-z0-9_-]+)(?=/|$|\\?)");

    static Optional<RefusalRequest> of(WebToolDefinition published) {
        Map<String, String> path = new LinkedHashMap<>();
        published.pathParameters().keySet().forEach(name -> path.put(name, VALUE));
        Matcher placeholder = PLACEHOLDER.matcher(published.serverUrl());
        while (placeholder.find()) {
            path.put(placeholder.group(1), VALUE);
        }
        ObjectNode params = schema(published.params());
        Schema schema = SchemaValidator.compile(params);
        JsonNode merged = ArgumentMerger.merge(params, path, Map.of(), null);
        return schema.validate(merged).isEmpty() ? Optional.empty() : Optional.of(new RefusalRequest(path));
    }

    /** The published schema; answered as a bare properties map, it requires nothing. */
    private static ObjectNode schema(ObjectNode params) {
        if (params.has("type") || params.has("properties") || params.isEmpty()) {
            return params;
        }
        ObjectNode wrapped = JsonNodeFactory.instance.objectNode().put("type", "object");
        wrapped.set("properties", params);
        return wrapped;
    }
}
