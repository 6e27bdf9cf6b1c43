package dev.toolwire.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.descriptor.Json;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/** Test helper: blocking HTTP exchanges that return error answers instead of throwing them. */
public final class Exchanges {

    private Exchanges() {}

    /**
     * What the server answered.
     *
     * @param status the HTTP status
     * @param headers the response headers
     * @param raw the body as text, empty when there was none
     */
    public record Answer(int status, HttpHeaders headers, String raw) {

        /**
         * The body parsed as JSON.
         *
         * @return the JSON, or a JSON null for an empty body
         */
        public JsonNode body() {
            try {
                return raw.isEmpty() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(raw);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + raw, e);
            }
        }

        /**
         * The envelope's error code.
         *
         * @return {@code error.code}, or empty when the body has none
         */
        public String code() {
            return body().at("/error/code").asText();
        }

        /**
         * The request id header.
         *
         * @return {@code X-Request-Id}, if sent
         */
        public @Nullable String requestId() {
            return headers.get("X-Request-Id");
        }

        /**
         * The content type header.
         *
         * @return {@code Content-Type}, if sent
         */
        public @Nullable String contentType() {
            return headers.get(HttpHeaders.CONTENT_TYPE);
        }

        /**
         * The authentication challenge.
         *
         * @return {@code WWW-Authenticate}, if sent
         */
        public @Nullable String challenge() {
            return headers.get(HttpHeaders.WWW_AUTHENTICATE);
        }
    }

    /**
     * Sends a request and waits for the answer, whatever its status.
     *
     * @param client the client
     * @param request the request
     * @return the answer
     */
    public static Answer exchange(HttpClient client, HttpRequest<?> request) {
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
        return new Answer(response.code(), response.getHeaders(), body == null ? "" : body);
    }
}
