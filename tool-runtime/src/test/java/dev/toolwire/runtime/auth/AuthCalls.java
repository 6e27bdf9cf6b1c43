package dev.toolwire.runtime.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.descriptor.Json;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/** Test helper: blocking calls that return the status, the headers and the parsed body. */
final class AuthCalls {

    private AuthCalls() {}

    record Answer(int status, HttpHeaders headers, String raw) {

        JsonNode body() {
            try {
                return raw.isEmpty() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(raw);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + raw, e);
            }
        }

        String code() {
            return body().at("/error/code").asText();
        }

        @Nullable String challenge() {
            return headers.get(HttpHeaders.WWW_AUTHENTICATE);
        }
    }

    static Answer send(HttpClient client, MutableHttpRequest<?> request) {
        try {
            HttpResponse<String> ok = client.toBlocking().exchange(request, String.class);
            return new Answer(ok.code(), ok.getHeaders(), ok.body() == null ? "" : ok.body());
        } catch (HttpClientResponseException e) {
            return new Answer(e.code(), e.getResponse().getHeaders(), e.getResponse().getBody(String.class).orElse(""));
        }
    }

    static MutableHttpRequest<String> lookupCustomer() {
        return HttpRequest.POST("/tools/lookup_customer", "{\"phone\":\"+15551234567\"}");
    }

    static Answer bearer(HttpClient client, MutableHttpRequest<?> request, String token) {
        return send(client, request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}
