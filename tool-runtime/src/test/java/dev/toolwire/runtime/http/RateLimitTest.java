package dev.toolwire.runtime.http;

import static dev.toolwire.runtime.Exchanges.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.Exchanges;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Inbound rate limiting per credential, with the seed's X-RateLimit-* and Retry-After headers. */
@MicronautTest
@Property(name = "spec.name", value = "AuthTools")
@Property(name = "toolwire.auth.jwt.secret", value = RateLimitTest.SECRET)
@Property(name = "toolwire.auth.header.values", value = "rate-key-0123456789")
@Property(name = "toolwire.rate-limit.enabled", value = "true")
@Property(name = "toolwire.rate-limit.requests-per-minute", value = "3")
class RateLimitTest {

    static final String SECRET = "rate-limit-test-secret-0123456789-abcdefghijklmnop";

    @Inject
    @Client("/")
    HttpClient client;

    private String tokenFor(String subject) throws Exception {
        com.nimbusds.jwt.JWTClaimsSet claims = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .issuer("toolwire").audience("hamsa").subject(subject)
                .expirationTime(java.util.Date.from(Instant.now().plusSeconds(600))).claim("scope", "tool:*").build();
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256), claims);
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    /** Four calls by one subject, retried with a new subject when a minute boundary split them. */
    private List<Exchanges.Answer> fourCallsInOneWindow() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            String token = tokenFor("caller-" + UUID.randomUUID());
            List<Exchanges.Answer> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(exchange(client, HttpRequest.POST("/tools/lookup", "{\"query\":\"q\"}")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)));
            }
            String reset = answers.get(0).headers().get("X-RateLimit-Reset");
            if (answers.stream().allMatch(a -> reset.equals(a.headers().get("X-RateLimit-Reset")))) {
                return answers;
            }
        }
        throw new AssertionError("three attempts straddled a minute boundary");
    }

    @Test
    void fourthCallInAMinute_is429_withTheLimitHeaders() throws Exception {
        List<Exchanges.Answer> answers = fourCallsInOneWindow();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, answers.get(i).status());
            assertEquals("3", answers.get(i).headers().get("X-RateLimit-Limit"));
            assertEquals(Integer.toString(2 - i), answers.get(i).headers().get("X-RateLimit-Remaining"));
        }
        Exchanges.Answer limited = answers.get(3);
        assertEquals(429, limited.status());
        assertTrue(limited.raw().contains("\"code\":\"RATE_LIMITED\""));
        assertEquals("0", limited.headers().get("X-RateLimit-Remaining"));
        long reset = Long.parseLong(limited.headers().get("X-RateLimit-Reset"));
        long retryAfter = Long.parseLong(limited.headers().get(HttpHeaders.RETRY_AFTER));
        assertEquals(0, reset % 60, "a window boundary, in epoch seconds");
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "retry after " + retryAfter);
        assertTrue(reset > Instant.now().getEpochSecond() - 1);
    }

    @Test
    void eachCredential_hasItsOwnBudget() throws Exception {
        fourCallsInOneWindow();
        Exchanges.Answer other = exchange(client, HttpRequest.POST("/tools/lookup", "{\"query\":\"q\"}")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("someone-else-" + UUID.randomUUID())));
        assertEquals(200, other.status());
        Exchanges.Answer header = exchange(client, HttpRequest.GET("/gateway/who").header("X-API-Key", "rate-key-0123456789"));
        assertEquals(200, header.status());
        assertTrue(header.headers().contains("X-RateLimit-Limit"));
    }

    @Test
    void refusedCredentials_doNotSpendABudget() {
        Exchanges.Answer refused = exchange(client, HttpRequest.POST("/tools/lookup", "{\"query\":\"q\"}"));
        assertEquals(401, refused.status());
        assertNull(refused.headers().get("X-RateLimit-Limit"));
    }
}
