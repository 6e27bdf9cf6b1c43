package dev.toolwire.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks generated descriptors structurally against docs/descriptor-format.md: the top-level keys,
 * and that {@code params} uses only the keyword subset listed there (no {@code $ref}, {@code anyOf}
 * or {@code x-} keywords), with valid types, {@code required} naming real properties, and defaults,
 * examples and enums that fit their schema. The runtime module also validates with networknt.
 */
class DescriptorContractTest {
    private static final Set<String> TOP_LEVEL = Set.of("descriptorVersion", "name", "description", "method", "path",
            "pathParameters", "params", "async", "timeoutSeconds", "messages", "auth", "invocation");
    /** Additive v1 keys: present only on job, job status and retry-safe tools, and tools with a result schema. */
    private static final Set<String> OPTIONAL = Set.of("job", "jobStatusOf", "deduplicationWindowSeconds", "naming",
            "outputSchema");
    private static final Set<String> KEYWORDS = Set.of("type", "description", "enum", "format", "pattern", "minimum",
            "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "items", "minItems", "maxItems",
            "uniqueItems", "properties", "required", "additionalProperties", "minProperties", "maxProperties", "default",
            "examples");
    private static final Set<String> TYPES = Set.of("object", "array", "string", "integer", "number", "boolean");

    static Stream<Arguments> descriptors() {
        Compilation customers = Compilations.compile(List.of(), JavaFileObjects.forResource("good/CustomerTools.java"));
        Compilation shipping = Compilations.compile(List.of("-Atoolwire.naming=as_is"),
                JavaFileObjects.forResource("good/ShippingTools.java"));
        Compilation ledger = Compilations.compile(List.of(), JavaFileObjects.forResource("good/LedgerTools.java"));
        assertThat(customers).succeeded();
        assertThat(shipping).succeeded();
        assertThat(ledger).succeeded();
        return Stream.of(customers, shipping, ledger)
                .flatMap(c -> c.generatedFiles().stream())
                .filter(f -> f.getName().startsWith("/CLASS_OUTPUT/META-INF/toolwire/tools/"))
                .map(f -> Arguments.of(f.getName(), Compilations.content(f)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptors")
    @SuppressWarnings("unchecked")
    void descriptor_followsTheContract(String file, String json) {
        assertThat(json).endsWith("}\n");
        assertThat(json).doesNotContain("\r");
        Map<String, Object> descriptor = (Map<String, Object>) TestJson.parse(json);
        Set<String> expected = descriptor.containsKey("jobStatusOf")
                ? TOP_LEVEL.stream().filter(k -> !k.equals("invocation")).collect(Collectors.toSet()) : TOP_LEVEL;
        assertThat(descriptor.keySet().stream().filter(k -> !OPTIONAL.contains(k)).toList())
                .containsExactlyElementsIn(expected);
        assertThat(descriptor.get("descriptorVersion")).isEqualTo(BigDecimal.ONE);
        assertThat((String) descriptor.get("name")).matches("^[a-zA-Z0-9_-]{1,64}$");
        assertThat(List.of("GET", "POST", "PUT", "PATCH", "DELETE")).contains(descriptor.get("method"));
        assertThat(List.of("DEFAULT", "JWT", "HEADER", "NONE")).contains(descriptor.get("auth"));
        Map<String, Object> params = (Map<String, Object>) descriptor.get("params");
        assertThat(params.get("type")).isEqualTo("object");
        checkSchema("params", params);
        if (descriptor.containsKey("outputSchema")) {
            checkSchema("outputSchema", (Map<String, Object>) descriptor.get("outputSchema"));
        }
        if (descriptor.containsKey("naming")) {
            assertThat(List.of("snake_case", "as_is")).contains(descriptor.get("naming"));
        }
        Map<String, Object> properties = (Map<String, Object>) params.get("properties");
        for (Object p : (List<Object>) descriptor.get("pathParameters")) {
            assertThat(properties).containsKey(((Map<String, Object>) p).get("name"));
        }
        assertThat(json).isEqualTo(JsonWriter.write(propertiesInOrder(descriptor)));
    }

    /**
     * The parsed descriptor with every schema's {@code properties} marked to keep its order: the writer
     * sorts every other object's keys, and writes properties in the order of the parameters.
     */
    @SuppressWarnings("unchecked")
    private static Object propertiesInOrder(Object json) {
        if (json instanceof List<?> list) {
            return list.stream().map(DescriptorContractTest::propertiesInOrder).toList();
        }
        if (!(json instanceof Map<?, ?> map)) {
            return json;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        ((Map<String, Object>) map).forEach((key, value) -> {
            Object member = propertiesInOrder(value);
            if (key.equals("properties") && member instanceof Map<?, ?> properties) {
                JsonWriter.InOrder<Object> ordered = new JsonWriter.InOrder<>();
                ((Map<String, Object>) properties).forEach(ordered::put);
                member = ordered;
            }
            copy.put(key, member);
        });
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static void checkSchema(String path, Map<String, Object> schema) {
        assertWithPath(path, KEYWORDS.containsAll(schema.keySet()), "unknown keyword in " + schema.keySet());
        String type = (String) schema.get("type");
        assertWithPath(path, TYPES.contains(type), "bad type " + type);
        if (schema.containsKey("properties")) {
            Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
            properties.forEach((name, s) -> checkSchema(path + "." + name, (Map<String, Object>) s));
            List<Object> required = (List<Object>) schema.getOrDefault("required", List.of());
            assertWithPath(path, properties.keySet().containsAll(required), "required names unknown properties");
            assertWithPath(path, !required.isEmpty() || !schema.containsKey("required"), "empty required");
        }
        if (schema.get("items") instanceof Map<?, ?> items) {
            checkSchema(path + "[]", (Map<String, Object>) items);
        }
        if (schema.get("additionalProperties") instanceof Map<?, ?> values) {
            checkSchema(path + "{}", (Map<String, Object>) values);
        }
        if (schema.containsKey("default")) {
            checkValue(path + " default", type, schema, schema.get("default"));
        }
        for (Object example : (List<Object>) schema.getOrDefault("examples", List.of())) {
            checkValue(path + " example", type, schema, example);
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkValue(String path, String type, Map<String, Object> schema, Object value) {
        boolean fits = switch (type) {
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "integer" -> value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0;
            case "number" -> value instanceof BigDecimal;
            default -> false;
        };
        assertWithPath(path, fits, "does not fit type " + type + ": " + value);
        if (schema.containsKey("enum")) {
            assertWithPath(path, ((List<Object>) schema.get("enum")).contains(value), "not in enum");
        }
    }

    private static void assertWithPath(String path, boolean condition, String message) {
        assertThat(condition ? "" : path + ": " + message).isEmpty();
    }
}
