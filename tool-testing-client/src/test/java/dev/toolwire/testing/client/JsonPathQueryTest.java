package dev.toolwire.testing.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class JsonPathQueryTest {

    private final JsonNode doc = read("{\"a\": {\"b c\": [1, {\"d\": \"x\"}]}, \"it's\": true}");

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void selectsByDotBracketAndIndex() {
        assertEquals(doc, JsonPathQuery.select(doc, "$"));
        assertEquals("x", JsonPathQuery.select(doc, "$.a['b c'][1].d").asText());
        assertEquals(1, JsonPathQuery.select(doc, "$.a['b c'][0]").asInt());
        assertTrue(JsonPathQuery.select(doc, "$['it\\'s']").asBoolean());
    }

    @Test
    void missingPathsAreMissing_badExpressionsSaySo() {
        assertTrue(JsonPathQuery.select(doc, "$.a.nothing.deeper").isMissingNode());
        assertTrue(JsonPathQuery.select(doc, "$.a[0]").isMissingNode());
        assertThrows(IllegalArgumentException.class, () -> JsonPathQuery.select(doc, "a.b"));
        assertThrows(IllegalArgumentException.class, () -> JsonPathQuery.select(doc, "$.a['b c'"));
    }
}
