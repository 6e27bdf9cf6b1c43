package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Outside the dev environment the playground does not exist: none of its paths is routed. */
@MicronautTest
class PlaygroundDisabledTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void playgroundPaths_areNotFound() {
        for (String path : new String[] {"/toolwire/playground", "/toolwire/playground/tools"}) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET(path), String.class));
            assertEquals(404, e.getStatus().getCode(), path);
        }
    }
}
