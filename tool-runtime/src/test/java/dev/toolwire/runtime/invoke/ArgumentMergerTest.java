package dev.toolwire.runtime.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.descriptor.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Merging, coercion and defaults, without HTTP. */
class ArgumentMergerTest {

    private static JsonNode json(String json) throws IOException {
        return Json.MAPPER.readTree(json.replace('\'', '"'));
    }

    private final JsonNode schema = json("{'type':'object','properties':{"
            + "'i':{'type':'integer'},'n':{'type':'number'},'b':{'type':'boolean'},'s':{'type':'string'},"
            + "'list':{'type':'array','items':{'type':'integer'}},'d':{'type':'string','default':'x'},"
            + "'o':{'type':'object','properties':{}}}}");

    ArgumentMergerTest() throws IOException {}

    @Test
    void queryStringsAreCoercedToSchemaTypes() throws IOException {
        ObjectNode merged = ArgumentMerger.merge(schema, Map.of(),
                Map.of("i", List.of("12"), "n", List.of("1.5"), "b", List.of("TRUE"), "s", List.of("007"),
                        "list", List.of("1, 2,3"), "extra", List.of("kept")), null);
        assertEquals(json("{'i':12,'n':1.5,'b':true,'s':'007','list':[1,2,3],'extra':'kept','d':'x'}"), merged);
    }

    @Test
    void valuesThatDoNotParseStayStrings() throws IOException {
        ObjectNode merged = ArgumentMerger.merge(schema, Map.of("i", "twelve"),
                Map.of("b", List.of("yes"), "list", List.of("1", "two")), null);
        assertEquals(json("{'i':'twelve','b':'yes','list':[1,'two'],'d':'x'}"), merged);
    }

    @Test
    void onlyAsciiDigitsAreNumbers_asInAJsonBody() {
        ObjectNode merged = ArgumentMerger.merge(schema, Map.of("i", "\u0661\u0662"),
                Map.of("n", List.of("\uff11.\uff15")), null);
        assertTrue(merged.path("i").isTextual(), "Arabic-Indic digits stay text: " + merged);
        assertTrue(merged.path("n").isTextual(), "full-width digits stay text: " + merged);
        assertEquals(12, ArgumentMerger.merge(schema, Map.of("i", " 12 "), Map.of(), null).path("i").intValue());
        assertEquals(-1500, ArgumentMerger.merge(schema, Map.of(), Map.of("n", List.of("-1.5e3")), null).path("n").intValue());
    }

    @Test
    void pathWinsOverBodyWhichWinsOverQuery() throws IOException {
        ObjectNode body = (ObjectNode) json("{'s':'body','i':2,'d':'body'}");
        ObjectNode merged = ArgumentMerger.merge(schema, Map.of("s", "path"),
                Map.of("s", List.of("query"), "i", List.of("1"), "n", List.of("3")), body);
        assertEquals(json("{'s':'path','i':2,'n':3,'d':'body'}"), merged);
    }

    @Test
    void explicitNullIsNotReplacedByTheDefault() throws IOException {
        ObjectNode merged = ArgumentMerger.merge(schema, Map.of(), Map.of(), (ObjectNode) json("{'d':null}"));
        assertEquals(json("{'d':null}"), merged);
    }
}
