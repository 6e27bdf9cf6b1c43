package dev.toolwire.runtime.auth;

import static dev.toolwire.runtime.Exchanges.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.toolwire.runtime.Exchanges;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Header credentials with a renamed header and two accepted values (a rotation in progress), and
 * {@code toolwire.auth.default=header}, so tools declared DEFAULT take the header too.
 */
@MicronautTest
@Property(name = "spec.name", value = "AuthTools")
@Property(name = "toolwire.auth.default", value = "header")
@Property(name = "toolwire.auth.header.name", value = "X-Tool-Key")
@Property(name = "toolwire.auth.header.values[0]", value = "new-key-0123456789")
@Property(name = "toolwire.auth.header.values[1]", value = "old-key-0123456789")
@Property(name = "toolwire.auth.jwt.secret", value = TestTokens.SECRET)
class HeaderAuthTest {

    private static final String CHALLENGE = "ApiKey realm=\"toolwire\", header=\"X-Tool-Key\"";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ToolCredentials credentials;

    private static MutableHttpRequest<?> who() {
        return HttpRequest.GET("/gateway/who");
    }

    private void assertUnauthorized(Exchanges.Answer answer) {
        assertEquals(401, answer.status(), answer.raw());
        assertEquals("UNAUTHORIZED", answer.code());
        assertEquals(CHALLENGE, answer.challenge());
    }

    @Test
    void bothAcceptedValues_pass_andNameTheKeyNotTheSecret() {
        Exchanges.Answer current = exchange(client, who().header("X-Tool-Key", "new-key-0123456789"));
        Exchanges.Answer previous = exchange(client, who().header("x-tool-key", "old-key-0123456789"));
        assertEquals(200, current.status());
        assertEquals("api-key#1", current.body().path("result").asText());
        assertEquals("api-key#2", previous.body().path("result").asText());
        assertFalse(previous.raw().contains("old-key"));
    }

    @Test
    void missingWrongOrRepeatedValues_are401() {
        assertUnauthorized(exchange(client, who()));
        assertUnauthorized(exchange(client, who().header("X-Tool-Key", "")));
        assertUnauthorized(exchange(client, who().header("X-Tool-Key", "new-key-012345678")));
        assertUnauthorized(exchange(client, who().header("X-Tool-Key", "new-key-01234567890")));
        assertUnauthorized(exchange(client, who().header("X-Tool-Key", "NEW-KEY-0123456789")));
        assertUnauthorized(exchange(client, who().header("X-API-Key", "new-key-0123456789")));
        assertUnauthorized(exchange(client, who().header("X-Tool-Key", "garbage").header("X-Tool-Key", "new-key-0123456789")));
    }

    @Test
    void defaultTools_followTheConfiguredDefault_explicitOnesKeepTheirMode() {
        MutableHttpRequest<?> lookup = AuthCalls.lookupCustomer().header("X-Tool-Key", "old-key-0123456789");
        assertEquals(200, exchange(client, lookup).status());
        assertUnauthorized(AuthCalls.bearer(client, AuthCalls.lookupCustomer(), TestTokens.withScope("tool:*")));
        assertEquals(401, exchange(client, HttpRequest.POST("/tools/who_am_i", "{}").header("X-Tool-Key", "new-key-0123456789"))
                .status(), "who_am_i is declared JWT");
        assertEquals(200, exchange(client, HttpRequest.GET("/tools/opening_hours")).status());
    }

    @Test
    void thePublishedHeader_isTheFirstValue() {
        assertEquals(new ToolCredentials.HeaderCredential("X-Tool-Key", "new-key-0123456789"), credentials.headerCredential());
    }
}
