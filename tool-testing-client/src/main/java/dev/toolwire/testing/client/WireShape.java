package dev.toolwire.testing.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Shapes Java values, as the application's {@code JsonMapper} wrote them, the way a tool reads them,
 * by its parameter schema: an object member written with its Java name ({@code deliveryDate}) takes
 * the schema's wire name ({@code delivery_date}), and an enum constant ({@code HOME_DELIVERY}) the
 * schema's spelling of it ({@code home_delivery}). Names and values are matched ignoring case and
 * underscores, so this holds for any {@code -Atoolwire.naming}; anything that matches nothing is left
 * as it is, for the tool to refuse as it would.
 */
final class WireShape {

    private WireShape() {}

    /**
     * Shapes a value in place where it can, and returns it (or its replacement, for a text value).
     *
     * @param value the value written from Java
     * @param schema the JSON Schema of what the tool reads there
     * @return the value as the tool reads it
     */
    static JsonNode conform(JsonNode value, JsonNode schema) {
        if (value.isTextual() && schema.path("enum").isArray()) {
            for (JsonNode allowed : schema.path("enum")) {
                if (allowed.isTextual() && key(allowed.asText()).equals(key(value.asText()))) {
                    return TextNode.valueOf(allowed.asText());
                }
            }
            return value;
        }
        if (value.isArray() && schema.path("items").isObject()) {
            ArrayNode items = (ArrayNode) value;
            for (int i = 0; i < items.size(); i++) {
                items.set(i, conform(items.get(i), schema.path("items")));
            }
            return value;
        }
        if (value.isObject()) {
            conformMembers((ObjectNode) value, schema);
        }
        return value;
    }

    private static void conformMembers(ObjectNode object, JsonNode schema) {
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(object.properties());
        for (Map.Entry<String, JsonNode> member : members) {
            String wireName = properties.has(member.getKey()) ? member.getKey() : wireName(properties, member.getKey());
            JsonNode memberSchema = wireName != null ? properties.path(wireName) : additional;
            JsonNode shaped = memberSchema.isObject() ? conform(member.getValue(), memberSchema) : member.getValue();
            if (wireName != null && !wireName.equals(member.getKey()) && !object.has(wireName)) {
                object.remove(member.getKey());
                object.set(wireName, shaped);
            } else {
                object.set(member.getKey(), shaped);
            }
        }
    }

    private static @Nullable String wireName(JsonNode properties, String javaName) {
        String wanted = key(javaName);
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            if (key(property.getKey()).equals(wanted)) {
                return property.getKey();
            }
        }
        return null;
    }

    private static String key(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
