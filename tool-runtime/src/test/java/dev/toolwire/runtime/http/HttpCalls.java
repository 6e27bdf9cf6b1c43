package dev.toolwire.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.descriptor.Json;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Test helper: a blocking exchange that returns error responses instead of throwing. */
final class HttpCalls {

    private HttpCalls() {}

    record Answer(int status, String requestId, JsonNode body, String contentType) {}

    static Answer exchange(HttpClient client, HttpRequest<?> request) {
        HttpResponse<?> response;
        String body;
        try {
            HttpResponse<String> ok = client.toBlocking().exchange(request, String.class);
            response = ok;
            body = ok.body();
        } catch (HttpClientResponseException e) {
            response = e.getResponse();
            body = e.getResponse().getBody(String.class).orElse("");
        }
        try {
            return new Answer(response.code(), response.getHeaders().get("X-Request-Id"),
                    body == null || body.isEmpty() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(body),
                    response.getHeaders().get("Content-Type"));
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + body, e);
        }
    }

    /** A request body written with single quotes. */
    static String q(String json) {
        return json.replace('\'', '"');
    }

    /**
     * Parses JSON written with single quotes for double quotes, and backticks for apostrophes.
     */
    static JsonNode json(String json) {
        try {
            return Json.MAPPER.readTree(json.replace('\'', '"').replace('`', '\''));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
