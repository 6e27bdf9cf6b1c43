package dev.toolwire.runtime.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code /health} tells the truth about the registry: with
 * {@code toolwire.registry.fail-on-unjoined=false} a tool method whose descriptor is missing no
 * longer stops the start, and the health is DOWN naming the tool. (With the default,
 * {@link StartupFailureTest} shows the start failing.) The descriptor is hidden with a class loader.
 */
class RegistryHealthTest {

    @Test
    void aToolWithoutItsDescriptor_startsAnywayAndHealthIsDownNamingTheTool() throws Exception {
        Map<String, Object> properties = new HashMap<>();
        properties.put("toolwire.registry.fail-on-unjoined", false);
        properties.put("endpoints.health.details-visible", "ANONYMOUS");
        HttpResponse<String> health = health(properties, "opening_hours");

        assertEquals(503, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"status\":\"DOWN\""), health.body());
        assertTrue(health.body().contains("(tool 'opening_hours') has no descriptor"), health.body());
        assertTrue(health.body().contains("CustomerTools.openingHours()"), health.body());
    }

    @Test
    void allToolsJoined_anonymousCallerSeesOnlyUp() throws Exception {
        HttpResponse<String> health = health(new HashMap<>(), null);

        assertEquals(200, health.statusCode(), health.body());
        assertEquals("{\"status\":\"UP\"}", health.body());
    }

    @Test
    void allToolsJoined_operatorSeesTheToolCount() throws Exception {
        Map<String, Object> properties = new HashMap<>();
        properties.put("endpoints.health.details-visible", "ANONYMOUS");
        HttpResponse<String> health = health(properties, null);

        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"toolwire\":{\"name\":\"application\",\"status\":\"UP\",\"details\":{\"served\":6,"), health.body());
        assertFalse(health.body().contains("unjoined"), health.body());
    }

    private static HttpResponse<String> health(Map<String, Object> properties, String hiddenDescriptor)
            throws IOException, InterruptedException {
        properties.put("spec.name", "AuthTools");
        properties.put("micronaut.server.port", -1);
        ClassLoader loader = new DescriptorHidingClassLoader(RegistryHealthTest.class.getClassLoader(),
                hiddenDescriptor == null ? Set.of() : Set.of(hiddenDescriptor));
        try (ApplicationContext context = ApplicationContext.builder().classLoader(loader).properties(properties).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/health")).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
