package dev.toolwire.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest
@Property(name = "spec.name", value = "ServeToolsTest")
class ServeToolsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void smoke() {
        HttpResponse<String> ok = client.toBlocking().exchange(
                HttpRequest.POST("/tools/current_weather", "{\"city\":\"Paris\"}"), String.class);
        System.out.println(ok.status() + " " + ok.getHeaders().asMap() + " " + ok.body());
        HttpResponse<String> get = client.toBlocking().exchange(HttpRequest.GET("/forecast/Rome?days=5"), String.class);
        System.out.println(get.status() + " " + get.body());
        for (HttpRequest<?> r : new HttpRequest<?>[] {
                HttpRequest.POST("/tools/current_weather", "{\"city\":\"paris\"}"),
                HttpRequest.POST("/tools/current_weather", "{\"city\":\"Atlantis\"}"),
                HttpRequest.POST("/tools/current_weather", "[1]"),
                HttpRequest.GET("/nope"),
                HttpRequest.DELETE("/tools/current_weather"),
                HttpRequest.POST("/tools/current_weather", "x").contentType("text/plain"),
                HttpRequest.GET("/forecast/Rome?days=50")}) {
            try {
                client.toBlocking().exchange(r, String.class);
            } catch (HttpClientResponseException e) {
                System.out.println(e.getStatus() + " " + e.getResponse().getHeaders().get("X-Request-Id") + " "
                        + e.getResponse().getBody(String.class).orElse("<none>"));
            }
        }
        assertEquals(200, ok.code());
    }
}
