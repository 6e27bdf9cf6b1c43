package dev.toolwire.runtime.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Internal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JSONPath expressions a Hamsa flow uses to extract each value of a tool's result
 * ({@code $.customer_id}, {@code $.preferences.preferred_contact_time}, {@code $.items[0].name}):
 * one per leaf value (string, number, boolean, null, empty object or array), in document order.
 */
@Internal
public final class JsonPaths {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonPaths() {}

    /**
     * Every leaf of a document with its path.
     *
     * @param document a tool's result
     * @return path to value, in document order; {@code $} alone for a scalar document
     */
    public static Map<String, JsonNode> leaves(JsonNode document) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        collect("$", document, leaves);
        return leaves;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(e -> collect(child(path, e.getKey()), e.getValue(), leaves));
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }

    /**
     * The path of a member: dot notation for plain names, bracket notation otherwise.
     *
     * @param parent the parent's path
     * @param name the member name
     * @return the member's path
     */
    static String child(String parent, String name) {
        if (PLAIN_NAME.matcher(name).matches()) {
            return parent + "." + name;
        }
        return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }
}
