package dev.toolwire.runtime.http;

import static dev.toolwire.runtime.Exchanges.exchange;
import static dev.toolwire.runtime.http.HttpCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.ToolRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code toolwire.naming=as_is}: results as Micronaut Serialization writes them, and no output schema
 * published for tools compiled in snake_case, since it would name properties that are not sent.
 */
@MicronautTest
@Property(name = "spec.name", value = "ResultNamingTest")
@Property(name = "toolwire.auth.default", value = "none")
@Property(name = "toolwire.naming", value = "as_is")
class ResultNamingAsIsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ToolRegistry registry;

    @Test
    void resultsKeepTheirJavaNames() {
        assertEquals(json("{'rxNumber':'RX-7','refillsRemaining':2,'delivery':'HOME_DELIVERY',"
                + "'pharmacy':{'storeName':'Main Street','open24Hours':true},'alternatives':['PICK_UP'],"
                + "'price':500.00,'pharmacistNOTE':'Take with food.','label':'L-1'}"),
                exchange(client, HttpRequest.GET("/refills/RX-7")).body());
        assertEquals(json("{'result':'PICK_UP'}"),
                exchange(client, HttpRequest.POST("/tools/delivery_of", "{\"rx_number\":\"RX-7\"}")).body(),
                "the arguments keep the naming they were compiled with");
    }

    @Test
    void noOutputSchemaIsPublishedInAnotherNaming() {
        assertTrue(registry.tool("refill").orElseThrow().outputSchema().isEmpty());
    }

    @Test
    void anUnknownNamingStopsTheStartWithTheChoices() {
        Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> ApplicationContext.run(Map.of("toolwire.naming", "kebab")).close());
        String message = String.valueOf(rootCause(failure).getMessage());
        assertTrue(message.contains("toolwire.naming is 'kebab', but it must be snake_case or as_is"), message);
    }

    private static Throwable rootCause(Throwable t) {
        return t.getCause() == null ? t : rootCause(t.getCause());
    }
}
