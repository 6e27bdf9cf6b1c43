package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** toolwire.playground.enabled=false wins over the dev environment. */
@MicronautTest(environments = "dev")
@Property(name = "toolwire.playground.enabled", value = "false")
class PlaygroundSwitchedOffTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void playground_isNotFound() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/toolwire/playground/tools"), String.class));
        assertEquals(404, e.getStatus().getCode());
    }
}
