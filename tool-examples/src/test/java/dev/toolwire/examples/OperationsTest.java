package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.testing.client.ToolClient;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an operator scrapes: a tool call appears at /prometheus, and /health needs no tool credential. */
@MicronautTest
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
    void health_isUpWithoutAnyToolCredential() {
        String health = client.toBlocking().retrieve(HttpRequest.GET("/health"));
        assertTrue(health.contains("\"status\":\"UP\""), health);
        assertFalse(health.contains("lookup_customer"), "anonymous callers must not see the details: " + health);
    }
}
