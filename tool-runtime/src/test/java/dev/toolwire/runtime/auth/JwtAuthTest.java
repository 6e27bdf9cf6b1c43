package dev.toolwire.runtime.auth;

import static dev.toolwire.runtime.auth.AuthCalls.bearer;
import static dev.toolwire.runtime.auth.AuthCalls.lookupCustomer;
import static dev.toolwire.runtime.Exchanges.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.PlainJWT;
import dev.toolwire.runtime.Exchanges;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Bearer JWTs over HTTP: what is accepted, what is refused and how, and what is never revealed. */
@MicronautTest
@Property(name = "spec.name", value = "AuthTools")
@Property(name = "toolwire.auth.jwt.secret", value = TestTokens.SECRET)
// Sends many bad credentials on purpose; FailedAuthThrottleTest covers the throttle.
@Property(name = "toolwire.auth.failed-attempts-per-minute", value = "0")
class JwtAuthTest {

    private static final String BEARER_CHALLENGE = "Bearer realm=\"toolwire\"";
    private static final String INVALID_TOKEN = "Bearer realm=\"toolwire\", error=\"invalid_token\"";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ToolCredentials credentials;

    private Exchanges.Answer call(String token) {
        return bearer(client, lookupCustomer(), token);
    }

    private static void assertUnauthorized(Exchanges.Answer answer, String challenge) {
        assertEquals(401, answer.status(), answer.raw());
        assertEquals("UNAUTHORIZED", answer.code());
        assertEquals("Tool call rejected: the caller's credentials are missing or not valid.",
                answer.body().at("/error/message").asText());
        assertEquals(challenge, answer.challenge());
        assertTrue(answer.headers().contains("X-Request-Id"));
    }

    @Test
    void validToken_callsTheTool() {
        Exchanges.Answer answer = call(TestTokens.withScope("tool:lookup_customer"));
        assertEquals(200, answer.status(), answer.raw());
        assertEquals("customer +15551234567", answer.body().path("result").asText());
    }

    @Test
    void sameTokenTwice_isAcceptedBothTimes() {
        String token = TestTokens.withScope("tool:*");
        assertEquals(200, call(token).status());
        assertEquals(200, call(token).status());
    }

    @Test
    void missingAuthorization_is401WithABareChallenge() {
        assertUnauthorized(exchange(client, lookupCustomer()), BEARER_CHALLENGE);
    }

    @Test
    void garbageOrOtherSchemes_are401InvalidToken() {
        assertUnauthorized(call("not-a-jwt"), INVALID_TOKEN);
        assertUnauthorized(call(""), INVALID_TOKEN);
        assertUnauthorized(call("a.b.c"), INVALID_TOKEN);
        assertUnauthorized(exchange(client, lookupCustomer().header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz")), INVALID_TOKEN);
        assertUnauthorized(call("x".repeat(JwtVerifier.MAX_TOKEN_CHARS + 1)), INVALID_TOKEN);
    }

    @Test
    void forgedSignature_isRefused() {
        String other = TestTokens.hs256("some-other-secret-0123456789-abcdefghijkl", TestTokens.claims("tool:*").build());
        assertUnauthorized(call(other), INVALID_TOKEN);
    }

    @Test
    void tamperedClaims_areRefused() {
        String[] parts = TestTokens.withScope("tool:lookup").split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                TestTokens.claims("tool:*").build().toString().getBytes(StandardCharsets.UTF_8));
        assertUnauthorized(call(parts[0] + "." + forgedPayload + "." + parts[2]), INVALID_TOKEN);
    }

    @Test
    void expiredToken_isRefused_butClockSkewIsTolerated() {
        Instant now = Instant.now();
        assertUnauthorized(call(TestTokens.with("tool:*", c -> c.expirationTime(Date.from(now.minusSeconds(120))))),
                INVALID_TOKEN);
        assertEquals(200, call(TestTokens.with("tool:*", c -> c.expirationTime(Date.from(now.minusSeconds(20))))).status());
    }

    @Test
    void notYetValidToken_isRefused() {
        Instant now = Instant.now();
        assertUnauthorized(call(TestTokens.with("tool:*", c -> c.notBeforeTime(Date.from(now.plusSeconds(300))))),
                INVALID_TOKEN);
        assertEquals(200, call(TestTokens.with("tool:*", c -> c.notBeforeTime(Date.from(now.plusSeconds(20))))).status());
    }

    @Test
    void wrongAudienceOrIssuer_orMissingRequiredClaims_areRefused() {
        assertUnauthorized(call(TestTokens.with("tool:*", c -> c.audience("someone-else"))), INVALID_TOKEN);
        assertUnauthorized(call(TestTokens.with("tool:*", c -> c.issuer("evil"))), INVALID_TOKEN);
        assertUnauthorized(call(TestTokens.with("tool:*", c -> c.issuer(null))), INVALID_TOKEN);
        assertUnauthorized(call(TestTokens.with("tool:*", c -> c.audience((String) null))), INVALID_TOKEN);
        assertUnauthorized(call(TestTokens.with("tool:*", c -> c.expirationTime(null))), INVALID_TOKEN);
    }

    @Test
    void wrongScope_is403() {
        Exchanges.Answer answer = call(TestTokens.withScope("tool:get_order tool:who_am_i"));
        assertEquals(403, answer.status());
        assertEquals("FORBIDDEN", answer.code());
        assertEquals("Bearer realm=\"toolwire\", error=\"insufficient_scope\"", answer.challenge());
        assertEquals(403, call(TestTokens.with("tool:*", c -> c.claim("scope", null))).status(), "no scope at all");
        assertEquals(403, call(TestTokens.with("tool:*", c -> c.claim("scope", List.of("tool:*")))).status(),
                "scope must be a string");
    }

    @Test
    void scopeIsMatchedWhole_aPrefixGrantsNothing() {
        assertEquals(403, call(TestTokens.withScope("tool:lookup")).status());
        assertEquals(403, call(TestTokens.withScope("tool:lookup_customer_x tool:lookup_cust tool:lookup_customer*")).status());
        assertEquals(403, call(TestTokens.withScope("tool:LOOKUP_CUSTOMER")).status());
        assertEquals(200, bearer(client, HttpRequest.POST("/tools/lookup", "{\"query\":\"q\"}"),
                TestTokens.withScope("tool:lookup")).status());
        assertEquals(200, call(TestTokens.withScope("openid tool:lookup tool:lookup_customer")).status());
    }

    @Test
    void algNone_isRefused() {
        String unsigned = new PlainJWT(TestTokens.claims("tool:*").build()).serialize();
        assertUnauthorized(call(unsigned), INVALID_TOKEN);
        String[] signed = TestTokens.withScope("tool:*").split("\\.");
        String noneHeader = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertUnauthorized(call(noneHeader + "." + signed[1] + "."), INVALID_TOKEN);
    }

    @Test
    void hmacAlgorithmsOnly_noPublicKeyAlgorithmWithoutAJwks() {
        String hs384 = TestTokens.sign(new JWSHeader(JWSAlgorithm.HS384), TestTokens.claims("tool:*").build(),
                TestTokens.mac(TestTokens.SECRET.getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, call(hs384).status(), "HS384 with the secret is fine");
        String claimsRs256 = TestTokens.withScope("tool:*").replaceFirst("^[^.]+",
                Base64.getUrlEncoder().withoutPadding().encodeToString(
                        "{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)));
        assertUnauthorized(call(claimsRs256), INVALID_TOKEN);
    }

    @Test
    void subjectReachesTheTool() {
        Exchanges.Answer answer = bearer(client, HttpRequest.POST("/tools/who_am_i", "{}"), TestTokens.withScope("tool:who_am_i"));
        assertEquals("tester", answer.body().path("result").asText());
    }

    @Test
    void mintedTokens_areAcceptedForTheirToolsOnly() {
        String token = credentials.issueToken(List.of("lookup_customer"), Duration.ofMinutes(5));
        assertEquals(200, call(token).status());
        assertEquals(403, bearer(client, HttpRequest.POST("/tools/lookup", "{\"query\":\"q\"}"), token).status());
        assertTrue(credentials.accepts("Bearer " + token, "lookup_customer", Duration.ofMinutes(4)));
        assertFalse(credentials.accepts(token, "lookup_customer", Duration.ofMinutes(6)));
        assertFalse(credentials.accepts(token, "lookup", Duration.ZERO));
        assertFalse(credentials.accepts("garbage", "lookup_customer", Duration.ZERO));
    }

    @Test
    void reasonsGoToTheDebugLog_tokensAndSecretsNowhere() {
        Logger auth = (Logger) LoggerFactory.getLogger("dev.toolwire");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Level before = auth.getLevel();
        auth.setLevel(Level.DEBUG);
        auth.addAppender(logs);
        String expired = TestTokens.with("tool:*", c -> c.expirationTime(Date.from(Instant.now().minusSeconds(3600))));
        String wrongAudience = TestTokens.with("tool:*", c -> c.audience("elsewhere"));
        Exchanges.Answer first;
        Exchanges.Answer second;
        try {
            first = call(expired);
            second = call(wrongAudience);
        } finally {
            auth.detachAppender(logs);
            auth.setLevel(before);
        }
        String logged = logs.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
        assertTrue(logged.toLowerCase(Locale.ROOT).contains("expired"), logged);
        assertTrue(logged.contains("aud claim"), logged);
        for (String secret : List.of(expired, wrongAudience, TestTokens.SECRET, expired.split("\\.")[2])) {
            assertFalse(logged.contains(secret), "a secret was logged");
            assertFalse(first.raw().contains(secret) || second.raw().contains(secret), "a secret was sent");
        }
        assertFalse(first.raw().toLowerCase(Locale.ROOT).contains("expired"), first.raw());
        assertFalse(second.raw().contains("aud"), second.raw());
        assertEquals(first.body().at("/error/message"), second.body().at("/error/message"));
    }

    @Test
    void headerAndOpenTools_ignoreBearerTokens() {
        assertEquals(401, bearer(client, HttpRequest.GET("/gateway/who"), TestTokens.withScope("tool:*")).status());
        assertEquals(200, exchange(client, HttpRequest.GET("/tools/opening_hours")).status());
    }
}
