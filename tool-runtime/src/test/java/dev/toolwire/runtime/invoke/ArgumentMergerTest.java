package dev.toolwire.runtime.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
