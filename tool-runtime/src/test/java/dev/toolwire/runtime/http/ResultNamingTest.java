package dev.toolwire.runtime.http;

import static dev.toolwire.runtime.Exchanges.exchange;
import static dev.toolwire.runtime.http.HttpCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.Exchanges;
import dev.toolwire.runtime.ToolInfo;
import dev.toolwire.runtime.ToolRegistry;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.invoke.SchemaValidator;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Results are named as arguments are, by default: snake_case properties by the generator's own rule,
 * enum constants as the schema spells them, explicit names kept, and every body exactly what the
 * tool's published output schema describes.
 */
@MicronautTest
@Property(name = "spec.name", value = "ResultNamingTest")
@Property(name = "toolwire.auth.default", value = "none")
class ResultNamingTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ToolRegistry registry;

    @Test
    void aRecordIsWrittenInTheArgumentsNaming() {
        Exchanges.Answer answer = exchange(client, HttpRequest.GET("/refills/RX-7"));
        assertEquals(200, answer.status(), answer.raw());
        assertEquals(json("{'rx_number':'RX-7','refills_remaining':2,'delivery':'home_delivery',"
                + "'pharmacy':{'store_name':'Main Street','open_24_hours':true},'alternatives':['pick_up'],"
                + "'price':500.00,'pharmacistNOTE':'Take with food.','label':'L-1'}"), answer.body());
        assertTrue(answer.raw().contains("\"price\":500.00"), "numbers are written as the tool returned them: " + answer.raw());
    }

    @Test
    void scalarEnumsAndMapValuesAreSpelledAsTheSchemaSpellsThem() {
        assertEquals(json("{'result':'pick_up'}"),
                exchange(client, HttpRequest.POST("/tools/delivery_of", "{\"rx_number\":\"RX-7\"}")).body());
        assertEquals(json("{'RX-1':'home_delivery'}"), exchange(client, HttpRequest.POST("/tools/deliveries", "{}")).body(),
                "map keys are data and stay as they are");
    }

    @Test
    void everyDescribedResultIsExactlyWhatItsOutputSchemaSays() throws IOException {
        List<String> described = List.of("refill", "delivery_of", "deliveries", "self_named");
        for (String name : described) {
            ToolInfo tool = registry.tool(name).orElseThrow();
            ObjectNode schema = (ObjectNode) Json.MAPPER.readTree(tool.outputSchema().orElseThrow(() ->
                    new AssertionError(name + " has no output schema")));
            HttpRequest<?> request = tool.path().contains("{") ? HttpRequest.GET("/refills/RX-7")
                    : HttpRequest.POST(tool.path(), "{\"rx_number\":\"RX-7\"}");
            JsonNode body = exchange(client, request).body();
            var errors = SchemaValidator.compile(closed(schema.deepCopy())).validate(body);
            assertTrue(errors.isEmpty(), name + ": " + body + " does not match its schema " + schema + ": " + errors);
        }
    }

    @Test
    void aResultWithoutSchemaIsWrittenAsSerialized() {
        assertTrue(registry.tool("anything").orElseThrow().outputSchema().isEmpty());
        assertEquals(json("{'someKey':'PICK_UP'}"), exchange(client, HttpRequest.POST("/tools/anything", "{}")).body());
    }

    /** The schema with every described object closed, so that a property it does not name fails. */
    private static JsonNode closed(JsonNode schema) {
        if (schema.isObject()) {
            ObjectNode object = (ObjectNode) schema;
            if (object.has("properties")) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(member -> closed(member.getValue()));
        }
        return schema;
    }
}
