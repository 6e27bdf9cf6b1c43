package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolwire.testing.client.ToolClient;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** In the dev environment the playground is on: its page, assets and tool list with a working token. */
@MicronautTest(environments = "dev")
class PlaygroundEnabledTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ToolClient tools;

    @Test
    void page_isServedWithAStrictContentSecurityPolicy() {
        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/toolwire/playground"), String.class);

        assertEquals(200, page.code());
        assertTrue(page.getContentType().orElseThrow().toString().startsWith("text/html"));
        assertTrue(page.body().contains("/toolwire/playground/playground.js"));
        assertTrue(page.getHeaders().get("Content-Security-Policy").contains("script-src 'self'"));
        assertEquals(200, http.toBlocking().exchange(HttpRequest.GET("/toolwire/playground/playground.js"), String.class).code());
        assertEquals(200, http.toBlocking().exchange(HttpRequest.GET("/toolwire/playground/playground.css"), String.class).code());
    }

    @Test
    void tools_listsDescriptorsWithoutInternals_andATokenThatCallsThem() throws IOException {
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET("/toolwire/playground/tools"), String.class);
        JsonNode body = new ObjectMapper().readTree(response.body());

        assertEquals("no-store", response.getHeaders().get("Cache-Control"));
        JsonNode lookup = null;
        for (JsonNode tool : body.path("tools")) {
            lookup = tool.path("name").asText().equals("lookup_customer") ? tool : lookup;
        }
        assertEquals(9, body.path("tools").size());
        assertNotNull(lookup, "lookup_customer is listed");
        assertEquals("jwt", lookup.path("auth").asText());
        assertEquals("string", lookup.at("/params/properties/phone_number/type").asText());
        assertFalse(response.body().contains("invocation"), "the page never sees how the Java method is found");
        assertEquals("X-API-Key", body.at("/credentials/header/name").asText());
        String token = body.at("/credentials/token").asText();
        tools.withToken(token).call("lookup_customer", Map.of("phone_number", "+971501234567")).assertOk();
    }
}
