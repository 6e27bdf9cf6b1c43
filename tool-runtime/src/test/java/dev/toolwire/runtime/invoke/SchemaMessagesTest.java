package dev.toolwire.runtime.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolwire.runtime.ToolException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Violations are told as an agent would say them to a caller. */
class SchemaMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SCHEMA = """
            {"type": "object", "properties": {
              "city": {"type": "string", "minLength": 1, "maxLength": 1},
              "code": {"type": "string", "minLength": 3},
              "rx_number": {"type": "string", "pattern": "^RX-[0-9]{6}$", "examples": ["RX-100001"]},
              "order_id": {"type": "string", "pattern": "^ORD-[0-9]{5}$"},
              "token": {"type": "string", "pattern": "^[a-z]{40}$"},
              "items": {"type": "array", "minItems": 1, "maxItems": 1},
              "delivery": {"$ref": "#/$defs/Delivery"}},
             "$defs": {"Delivery": {"type": "object", "properties": {
               "postcode": {"type": "string", "pattern": "^[0-9]{5}$", "examples": ["10115"]}}}}}
            """;

    @Test
    void lengthsAndCountsAreSaidInWords() throws Exception {
        assertEquals(List.of("'city' must not be empty"), messages("{\"city\": \"\"}"));
        assertEquals(List.of("'city' must be at most 1 character"), messages("{\"city\": \"ab\"}"));
        assertEquals(List.of("'code' must be at least 3 characters"), messages("{\"code\": \"ab\"}"));
        assertEquals(List.of("'items' must have at least one item"), messages("{\"items\": []}"));
        assertEquals(List.of("'items' must have at most 1 item"), messages("{\"items\": [1, 2]}"));
    }

    @Test
    void aPatternFailureShowsTheParametersExample() throws Exception {
        assertEquals(List.of("'rx_number' must look like RX-100001"), messages("{\"rx_number\": \"12\"}"));
        assertEquals(List.of("'delivery.postcode' must look like 10115"), messages("{\"delivery\": {\"postcode\": \"x\"}}"));
    }

    @Test
    void withoutAnExampleAPatternFailureShowsOneMadeFromThePattern() throws Exception {
        List<String> said = messages("{\"order_id\": \"12\"}");
        assertEquals(1, said.size());
        assertTrue(said.get(0).matches("'order_id' must look like ORD-[0-9]{5}"), said.get(0));
        assertEquals(said, messages("{\"order_id\": \"13\"}"), "the same example every time");
        assertEquals(List.of("'token' is not in the expected format"), messages("{\"token\": \"x\"}"),
                "a value too long to say is not offered");
    }

    private static List<String> messages(String arguments) throws Exception {
        JsonNode schema = JSON.readTree(SCHEMA);
        return SchemaValidator.validate(SchemaValidator.compile(schema), JSON.readTree(arguments)).stream()
                .map(ToolException.Detail::message)
                .toList();
    }
}
