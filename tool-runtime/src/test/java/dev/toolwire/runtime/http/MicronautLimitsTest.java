package dev.toolwire.runtime.http;

import static dev.toolwire.runtime.Exchanges.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.toolwire.runtime.Exchanges;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Errors raised by Micronaut itself, before the tool handler runs, still come out in the envelope. */
@MicronautTest
@Property(name = "spec.name", value = "ServeToolsTest")
// These tests are about serving, not auth: the fixtures run open (AuthTest and friends cover auth).
@Property(name = "toolwire.auth.default", value = "none")
@Property(name = "micronaut.server.max-request-size", value = "1024")
class MicronautLimitsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void micronautsRequestSizeLimitUsesTheEnvelope() {
        String big = "{\"city\":\"" + "x".repeat(5000) + "\"}";
        Exchanges.Answer answer = exchange(client, HttpRequest.POST("/tools/current_weather", big)
                .header("X-Request-Id", "big-1"));
        assertEquals(413, answer.status());
        assertEquals("PAYLOAD_TOO_LARGE", answer.body().at("/error/code").asText());
        assertEquals("big-1", answer.body().at("/error/requestId").asText());
        assertEquals("big-1", answer.requestId());
    }
}
