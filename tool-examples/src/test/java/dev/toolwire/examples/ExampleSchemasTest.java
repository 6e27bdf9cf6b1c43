package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The descriptors the generator wrote for the examples, read from the class path as the runtime reads
 * them: each {@code params} is a valid JSON Schema 2020-12 document, in the flat, inlined subset voice
 * platforms accept.
 */
class ExampleSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema META_SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    private static final Set<String> NOT_IN_THE_SUBSET = Set.of("$ref", "$defs", "definitions", "anyOf", "oneOf",
            "allOf", "not", "$schema", "$id");

    @ParameterizedTest
    @ValueSource(strings = {"lookup_customer", "update_customer_preferences", "create_support_ticket",
            "get_order_status", "check_availability", "book_appointment", "cancel_appointment",
            "generate_account_report"})
    void params_isAValidFlatJsonSchema(String tool) throws IOException {
        JsonNode descriptor = descriptor(tool);
        JsonNode params = descriptor.get("params");

        List<Error> errors = META_SCHEMA.validate(params);
        assertTrue(errors.isEmpty(), () -> tool + " params fail the 2020-12 meta-schema: " + errors);
        assertEquals("object", params.get("type").asText());
        List<String> offenders = new ArrayList<>();
        collectForbiddenKeys(params, "", offenders);
        assertTrue(offenders.isEmpty(), () -> tool + " uses keywords outside the flat subset: " + offenders);
        for (JsonNode pathParameter : descriptor.get("pathParameters")) {
            String name = pathParameter.get("name").asText();
            assertNotNull(params.get("properties").get(name), name + " is in params too");
        }
        assertFalse(descriptor.get("description").asText().isBlank(), tool + " has a description from its Javadoc");
    }

    private static JsonNode descriptor(String tool) throws IOException {
        String resource = "META-INF/toolwire/tools/" + tool + ".json";
        try (InputStream in = ExampleSchemasTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "the generator wrote " + resource);
            return JSON.readTree(in);
        }
    }

    /** Walks schema keywords (not property names) looking for composition, references and x- extensions. */
    private static void collectForbiddenKeys(JsonNode schema, String at, List<String> offenders) {
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            String key = field.getKey();
            if (NOT_IN_THE_SUBSET.contains(key) || key.startsWith("x-")) {
                offenders.add(at + "/" + key);
            }
            if (key.equals("properties")) {
                field.getValue().properties().forEach(
                        p -> collectForbiddenKeys(p.getValue(), at + "/properties/" + p.getKey(), offenders));
            } else if ((key.equals("items") || key.equals("additionalProperties")) && field.getValue().isObject()) {
                collectForbiddenKeys(field.getValue(), at + "/" + key, offenders);
            }
        }
    }
}
