package dev.toolwire.runtime.auth;

import dev.toolwire.runtime.Exchanges;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;

/** Test helper: the auth fixtures' lookup request, and sending a request with a bearer token. */
final class AuthCalls {

    private AuthCalls() {}

    static MutableHttpRequest<String> lookupCustomer() {
        return HttpRequest.POST("/tools/lookup_customer", "{\"phone\":\"+15551234567\"}");
    }

    static Exchanges.Answer bearer(HttpClient client, MutableHttpRequest<?> request, String token) {
        return Exchanges.exchange(client, request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}
