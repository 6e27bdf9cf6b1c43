package dev.toolwire.examples;

import dev.toolwire.runtime.auth.ToolCredentials;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Calls example tools over real HTTP and returns status, request id and parsed body, success or not.
 * Every call carries the credentials a platform would: a bearer token for every tool, minted with the
 * test secret, and the test header value (check_availability uses header auth). Inject it into a
 * {@code @MicronautTest}: it talks to that test's embedded server.
 */
@Singleton
final class ToolHttp {

    private final HttpClient client;
    private final JsonMapper json;
    private final String bearer;
    private final ToolCredentials.HeaderCredential header;

    ToolHttp(@Client("/") HttpClient client, JsonMapper json, ToolCredentials credentials) {
        this.client = client;
        this.json = json;
        this.bearer = "Bearer " + credentials.issueToken(List.of("*"), Duration.ofHours(1));
        this.header = credentials.headerCredential();
    }

    /** What a tool call answered. */
    record Reply(int status, String requestId, Map<String, Object> body) {

        @SuppressWarnings("unchecked")
        Map<String, Object> error() {
            return (Map<String, Object>) body.get("error");
        }

        String errorCode() {
            return (String) error().get("code");
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errorDetails() {
            return (List<Map<String, Object>>) error().get("details");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object(String key) {
            return (Map<String, Object>) body.get(key);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list(String key) {
            return (List<Map<String, Object>>) body.get(key);
        }
    }

    Reply get(String uri) {
        return send(HttpRequest.GET(uri));
    }

    Reply post(String uri, String jsonBody) {
        return send(HttpRequest.POST(uri, jsonBody).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    Reply patch(String uri, String jsonBody) {
        return send(HttpRequest.PATCH(uri, jsonBody).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    Reply delete(String uri, String jsonBody) {
        return send(HttpRequest.DELETE(uri, jsonBody).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    private Reply send(MutableHttpRequest<?> request) {
        request.header(HttpHeaders.AUTHORIZATION, bearer).header(header.name(), header.value());
        HttpResponse<String> response;
        try {
            response = client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> failed = (HttpResponse<String>) e.getResponse();
            response = failed;
        }
        String body = response.getBody(String.class).orElse("{}");
        try {
            Map<String, Object> parsed = json.readValue(body, Argument.mapOf(String.class, Object.class));
            return new Reply(response.code(), response.getHeaders().get("X-Request-Id"), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException("Response is not a JSON object: " + body, e);
        }
    }
}
