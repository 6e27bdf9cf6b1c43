package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.testing.client.ToolClient;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an operator scrapes: a tool call appears at /prometheus, which answers only this machine or a
 * caller with the management token; /health needs no credential at all.
 */
@MicronautTest
@Property(name = "toolwire.management.tokens", value = "scraper-token-0123456789")
class OperationsTest {

    @Inject
    ToolClient tools;

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void toolCall_appearsInThePrometheusScrape() {
        tools.call("lookup_customer", Map.of("phone_number", "+971501234567")).assertOk();

        String scrape = client.toBlocking().retrieve(HttpRequest.GET("/prometheus"));
        assertTrue(scrape.contains("toolwire_tool_calls_seconds_count{outcome=\"ok\",tool=\"lookup_customer\"}"), scrape);
        assertTrue(scrape.contains("toolwire_tool_calls_seconds_bucket{outcome=\"ok\",tool=\"lookup_customer\",le="), scrape);
    }

    @Test
    void managementEndpoints_answerOnlyThisMachine_orTheManagementToken() {
        for (String path : List.of("/prometheus", "/metrics")) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                    .exchange(HttpRequest.GET(path).header("X-Forwarded-For", "203.0.113.7"), String.class));
            assertEquals(401, refused.getStatus().getCode(), path);
            String body = refused.getResponse().getBody(String.class).orElse("");
            assertTrue(body.contains("\"code\":\"UNAUTHORIZED\"") && body.contains("toolwire.management.tokens"), body);
            assertFalse(body.contains("toolwire_tool_calls"), body);
        }
        HttpResponse<String> scraper = client.toBlocking().exchange(HttpRequest.GET("/prometheus")
                .header("X-Forwarded-For", "203.0.113.7").bearerAuth("scraper-token-0123456789"), String.class);
        assertEquals(200, scraper.getStatus().getCode());
        assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(HttpRequest.GET("/prometheus")
                .header("X-Forwarded-For", "203.0.113.7").bearerAuth("scraper-token-wrong-789"), String.class));
        assertEquals(200, client.toBlocking().exchange(HttpRequest.GET("/health").header("X-Forwarded-For", "203.0.113.7"),
                String.class).getStatus().getCode(), "health stays open to load balancers");
    }

    @Test
    void health_isUpWithoutAnyToolCredential() {
        String health = client.toBlocking().retrieve(HttpRequest.GET("/health"));
        assertTrue(health.contains("\"status\":\"UP\""), health);
        assertFalse(health.contains("lookup_customer"), "anonymous callers must not see the details: " + health);
    }
}
