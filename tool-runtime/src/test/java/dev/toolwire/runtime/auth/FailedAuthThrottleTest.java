package dev.toolwire.runtime.auth;

import static dev.toolwire.runtime.Exchanges.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.Exchanges;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Guessing keys ends quickly: past {@code toolwire.auth.failed-attempts-per-minute} refused
 * credentials, a client address gets 429 (even with a good key) until its minute ends; other
 * addresses, told apart behind a trusted proxy, are not affected.
 */
@MicronautTest
@Property(name = "spec.name", value = "AuthTools")
@Property(name = "toolwire.auth.jwt.secret", value = TestTokens.SECRET)
@Property(name = "toolwire.auth.header.values", value = "right-key-0123456789")
@Property(name = "toolwire.auth.failed-attempts-per-minute", value = "3")
@Property(name = "toolwire.http.trusted-proxies", value = "127.0.0.1, ::1")
class FailedAuthThrottleTest {

    @Inject
    @Client("/")
    HttpClient client;

    private Exchanges.Answer who(String from, String key) {
        return exchange(client, HttpRequest.GET("/gateway/who").header("X-Forwarded-For", from).header("X-API-Key", key));
    }

    @Test
    void aBurstOfRefusedKeys_endsIn429ForThatAddressOnly() {
        for (int i = 0; i < 3; i++) {
            assertEquals(401, who("203.0.113.7", "guess-" + i + "-0123456789").status());
        }
        Exchanges.Answer blocked = who("203.0.113.7", "guess-3-0123456789");
        assertEquals(429, blocked.status(), blocked.raw());
        assertEquals("RATE_LIMITED", blocked.code());
        assertTrue(blocked.headers().contains("Retry-After"));
        assertEquals(429, who("203.0.113.7", "right-key-0123456789").status(), "not even a good key is checked");

        assertEquals(401, who("203.0.113.8", "guess-0123456789").status(), "another address is not affected");
        assertEquals(200, who("203.0.113.9", "right-key-0123456789").status());
    }
}
