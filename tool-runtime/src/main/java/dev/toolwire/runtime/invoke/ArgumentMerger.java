package dev.toolwire.runtime.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Internal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Merges the arguments of a call into one JSON object: query string first, then the JSON body over
 * it, then path segments over both (path wins, then body, then query). Strings from the path and
 * the query are coerced to the schema's scalar types (numbers in ASCII digits only, as in JSON), and
 * absent arguments that have a schema {@code default} get it. Strings that do not parse stay strings,
 * so validation names them.
 */
@Internal
public final class ArgumentMerger {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern ASCII_NUMBER = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private ArgumentMerger() {}

    /**
     * Merges and coerces arguments.
     *
     * @param params the tool's argument schema
     * @param pathValues the decoded path placeholders
     * @param query the decoded query parameters, in order
     * @param body the JSON object body, or {@code null}
     * @return a new object with the merged arguments
     */
    public static ObjectNode merge(
            JsonNode params,
            Map<String, String> pathValues,
            Map<String, List<String>> query,
            @Nullable ObjectNode body) {
        JsonNode properties = params.path("properties");
        ObjectNode merged = NODES.objectNode();
        query.forEach((name, values) -> {
            if (!values.isEmpty()) {
                merged.set(name, coerce(properties.path(name), values));
            }
        });
        if (body != null) {
            body.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        }
        pathValues.forEach((name, value) -> merged.set(name, coerce(properties.path(name), List.of(value))));
        fillDefaults(properties, merged);
        return merged;
    }

    private static void fillDefaults(JsonNode properties, ObjectNode merged) {
        properties.properties().forEach(e -> {
            JsonNode def = e.getValue().get("default");
            if (def != null && !merged.has(e.getKey())) {
                merged.set(e.getKey(), def.deepCopy());
            }
        });
    }

    /**
     * Coerces string values to a property's schema type.
     *
     * @param schema the property's schema, or a missing node
     * @param values the raw values, at least one
     * @return the coerced value
     */
    static JsonNode coerce(JsonNode schema, List<String> values) {
        if ("array".equals(type(schema))) {
            List<String> items = new ArrayList<>();
            for (String value : values) {
                if (values.size() == 1 && !value.isEmpty()) {
                    for (String part : value.split(",", -1)) {
                        items.add(part.trim());
                    }
                } else {
                    items.add(value);
                }
            }
            ArrayNode array = NODES.arrayNode();
            JsonNode itemSchema = schema.path("items");
            items.forEach(item -> array.add(scalar(itemSchema, item)));
            return array;
        }
        return scalar(schema, values.get(0));
    }

    private static JsonNode scalar(JsonNode schema, String value) {
        String type = type(schema);
        if (value.length() > NumberLimits.MAX_DIGITS && (type.equals("integer") || type.equals("number"))) {
            return NODES.textNode(value);
        }
        if ((type.equals("integer") || type.equals("number")) && !ASCII_NUMBER.matcher(value.trim()).matches()) {
            // Java's parsers also read Arabic-Indic and full-width digits; a JSON body cannot carry them as
            // a number, so neither may the path or the query: the value stays text and validation names it.
            return NODES.textNode(value);
        }
        try {
            switch (type) {
                case "integer":
                    return integer(new BigInteger(value.trim()));
                case "number":
                    BigDecimal number = new BigDecimal(value.trim());
                    if (!NumberLimits.reasonable(number)) {
                        return NODES.textNode(value);
                    }
                    return number.scale() <= 0 ? integer(number.toBigInteger()) : NODES.numberNode(number);
                case "boolean":
                    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                        return NODES.booleanNode(Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT)));
                    }
                    return NODES.textNode(value);
                default:
                    return NODES.textNode(value);
            }
        } catch (NumberFormatException e) {
            return NODES.textNode(value);
        }
    }

    private static JsonNode integer(BigInteger value) {
        if (value.bitLength() < Integer.SIZE) {
            return NODES.numberNode(value.intValue());
        }
        return value.bitLength() < Long.SIZE ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        return type.asText("string");
    }
}
