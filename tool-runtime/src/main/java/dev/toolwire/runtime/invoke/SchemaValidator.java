package dev.toolwire.runtime.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import dev.toolwire.runtime.ToolException;
import io.micronaut.core.annotation.Internal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compiles argument schemas (JSON Schema 2020-12, with format assertions for {@code date},
 * {@code email}, {@code uuid}, {@code date-time} and the like; {@code time} and {@code date-time}
 * also accept ISO local values, see {@link JavaTimeFormat}) and reports violations as speakable
 * details.
 */
@Internal
public final class SchemaValidator {

    private static final Dialect DIALECT = Dialect.builder(Dialects.getDraft202012())
            .format(JavaTimeFormat.time())
            .format(JavaTimeFormat.dateTime())
            .build();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            DIALECT,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .pathType(PathType.JSON_POINTER)
                    .build()));

    private SchemaValidator() {}

    /**
     * Compiles a schema. Do this once per tool, at startup.
     *
     * @param schema the JSON Schema
     * @return the compiled schema
     */
    public static Schema compile(JsonNode schema) {
        Schema compiled = REGISTRY.getSchema(schema);
        compiled.initializeValidators();
        return compiled;
    }

    /**
     * Validates arguments.
     *
     * @param schema the compiled schema
     * @param arguments the merged arguments
     * @return one detail per violation, with a JSON pointer path; empty when valid
     */
    static List<ToolException.Detail> validate(Schema schema, JsonNode arguments) {
        List<ToolException.Detail> details = new ArrayList<>();
        for (Error error : schema.validate(arguments)) {
            String pointer = error.getInstanceLocation().toString();
            if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
                pointer = pointer + "/" + error.getProperty();
            }
            details.add(new ToolException.Detail(pointer, describe(error, displayName(pointer), schema.getSchemaNode())));
        }
        return details;
    }

    /**
     * Turns a JSON pointer into the name an agent knows: {@code /items/0/qty} becomes
     * {@code items[0].qty}.
     *
     * @param pointer the JSON pointer
     * @return the display name
     */
    static String displayName(String pointer) {
        StringBuilder sb = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit) && sb.length() > 0) {
                sb.append('[').append(name).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(name);
            }
        }
        return sb.length() == 0 ? "arguments" : sb.toString();
    }

    private static String describe(Error error, String name, JsonNode root) {
        JsonNode value = error.getSchemaNode();
        String v = value == null ? "" : value.isTextual() ? value.asText() : String.valueOf(value);
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        switch (keyword) {
            case "required": return "missing required argument '" + name + "'";
            case "type": return "'" + name + "' must be " + article(v);
            case "enum": return "'" + name + "' must be one of " + v.replaceAll("[\\[\\]\"]", "").replace(",", ", ");
            case "pattern": return example(error, root).or(() -> PatternExamples.of(v))
                    .map(example -> "'" + name + "' must look like " + example)
                    .orElse("'" + name + "' is not in the expected format");
            case "format": return "'" + name + "' must be a valid " + format(v);
            case "minimum": return "'" + name + "' must be at least " + v;
            case "maximum": return "'" + name + "' must be at most " + v;
            case "exclusiveMinimum": return "'" + name + "' must be greater than " + v;
            case "exclusiveMaximum": return "'" + name + "' must be less than " + v;
            case "minLength": return "1".equals(v) ? "'" + name + "' must not be empty"
                    : "'" + name + "' must be at least " + count(v, "character");
            case "maxLength": return "'" + name + "' must be at most " + count(v, "character");
            case "minItems": return "1".equals(v) ? "'" + name + "' must have at least one item"
                    : "'" + name + "' must have at least " + count(v, "item");
            case "maxItems": return "'" + name + "' must have at most " + count(v, "item");
            case "uniqueItems": return "'" + name + "' must not contain duplicates";
            default: return "'" + name + "' " + error.getMessage();
        }
    }

    /** {@code 1 character}, {@code 3 characters}: as it is said. */
    private static String count(String number, String noun) {
        return number + " " + noun + ("1".equals(number) ? "" : "s");
    }

    /**
     * The first of {@code examples} of the schema that holds the failed keyword, e.g. the
     * {@code @ToolParam(example)} of a parameter whose {@code @Pattern} failed.
     */
    private static Optional<String> example(Error error, JsonNode root) {
        String location = String.valueOf(error.getSchemaLocation());
        int fragment = location.indexOf('#');
        int keyword = location.lastIndexOf('/');
        if (fragment < 0 || keyword <= fragment) {
            return Optional.empty();
        }
        JsonNode examples = root.at(location.substring(fragment + 1, keyword)).path("examples");
        return examples.isArray() && examples.size() > 0 && examples.get(0).isValueNode()
                ? Optional.of(examples.get(0).asText())
                : Optional.empty();
    }

    private static String article(String type) {
        switch (type) {
            case "integer": return "an integer";
            case "object": return "an object";
            case "array": return "a list";
            case "number": return "a number";
            case "boolean": return "true or false";
            default: return "a " + type;
        }
    }

    private static String format(String format) {
        switch (format) {
            case "date": return "date like 2026-01-31";
            case "date-time": return "date and time like 2026-01-31T09:30:00";
            case "time": return "time like 09:30:00";
            case "email": return "email address";
            case "uuid": return "UUID";
            case "uri": return "URI";
            case "duration": return "duration like PT30M";
            default: return format;
        }
    }
}
