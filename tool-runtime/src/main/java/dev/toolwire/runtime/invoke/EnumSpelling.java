package dev.toolwire.runtime.invoke;

import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where a tool's result holds enum constants, read from its output schema once, and how the schema
 * spells them: Micronaut Serialization writes a constant as declared ({@code HOME_DELIVERY}), the
 * schema, like the arguments, says {@code home_delivery}. A constant is matched ignoring case and
 * underscores; a value the schema does not list is left as written.
 */
final class EnumSpelling {
    private final Map<String, String> constants;
    private final Map<String, EnumSpelling> properties;
    private final @Nullable EnumSpelling members;

    private EnumSpelling(Map<String, String> constants, Map<String, EnumSpelling> properties,
            @Nullable EnumSpelling members) {
        this.constants = constants;
        this.properties = properties;
        this.members = members;
    }

    /**
     * Reads a schema.
     *
     * @param schema an output schema, or a part of one
     * @return where its enums are, or {@code null} when it has none (the value is written as it is)
     */
    static @Nullable EnumSpelling of(com.fasterxml.jackson.databind.JsonNode schema) {
        Map<String, String> constants = new HashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode constant : schema.path("enum")) {
            if (constant.isTextual()) {
                constants.put(key(constant.asText()), constant.asText());
            }
        }
        Map<String, EnumSpelling> properties = new LinkedHashMap<>();
        schema.path("properties").properties().forEach(property -> {
            EnumSpelling spelling = of(property.getValue());
            if (spelling != null) {
                properties.put(property.getKey(), spelling);
            }
        });
        com.fasterxml.jackson.databind.JsonNode nested = schema.has("items") ? schema.get("items") : schema.get("additionalProperties");
        EnumSpelling members = nested != null && nested.isObject() ? of(nested) : null;
        return constants.isEmpty() && properties.isEmpty() && members == null
                ? null : new EnumSpelling(Map.copyOf(constants), Map.copyOf(properties), members);
    }

    /**
     * Spells the enum constants in a written result as the schema does.
     *
     * @param value the result as Micronaut Serialization wrote it
     * @return the value with its constants respelled (a new tree where something changed)
     */
    JsonNode apply(JsonNode value) {
        if (value.isString() && !constants.isEmpty()) {
            String spelled = constants.get(key(value.getStringValue()));
            return spelled == null ? value : JsonNode.createStringNode(spelled);
        }
        if (value.isArray() && members != null) {
            List<JsonNode> items = new ArrayList<>(value.size());
            value.values().forEach(item -> items.add(members.apply(item)));
            return JsonNode.createArrayNode(items);
        }
        if (value.isObject() && (!properties.isEmpty() || members != null)) {
            Map<String, JsonNode> entries = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : value.entries()) {
                EnumSpelling spelling = properties.containsKey(entry.getKey()) ? properties.get(entry.getKey()) : members;
                entries.put(entry.getKey(), spelling == null ? entry.getValue() : spelling.apply(entry.getValue()));
            }
            return JsonNode.createObjectNode(entries);
        }
        return value;
    }

    private static String key(String constant) {
        return constant.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
