package dev.toolwire.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import dev.toolwire.runtime.HeaderAuthConfiguration;
import dev.toolwire.runtime.JwtConfiguration;
import io.micronaut.context.exceptions.ConfigurationException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The small parts of the verifier, one at a time, without a server. */
class AuthPartsTest {

    private static final JwtConfiguration HMAC_ONLY = jwt(TestTokens.SECRET, null);

    private static JwtConfiguration jwt(String secret, String jwks) {
        return new JwtConfiguration(secret, List.of(), jwks, "toolwire", "hamsa", Duration.ofMinutes(5), Duration.ofSeconds(30));
    }

    private static AuthKeys keys(JwtConfiguration jwt) {
        return new AuthKeys(jwt, new HeaderAuthConfiguration("X-API-Key", List.of("k1-0123456789abcdef", "k2-0123456789abcdef")), false);
    }

    @Test
    void scope_matchesWholeNamesOnly() {
        ToolScope scope = ToolScope.parse("openid  tool:lookup\ttool:book_appointment ");
        assertTrue(scope.allows("lookup"));
        assertTrue(scope.allows("book_appointment"));
        assertFalse(scope.allows("lookup_customer"));
        assertFalse(scope.allows("book"));
        assertFalse(scope.allows("openid"));
        assertTrue(ToolScope.parse("tool:*").allows("anything"));
        assertFalse(ToolScope.parse("tool:").allows(""), "an empty name is not a tool");
        assertFalse(ToolScope.parse(null).allows("lookup"));
        assertFalse(ToolScope.parse(List.of("tool:*")).allows("lookup"));
        assertTrue(ToolScope.parse("tool:a tool:a").allows("a"), "duplicates are fine");
    }

    @Test
    void claimsPolicy_requiresIssuerAudienceExpiry_withSixtySecondsOfSkew() throws BadJWTException, ParseException {
        DefaultJWTClaimsVerifier<SecurityContext> policy = JwtClaimsPolicy.of(HMAC_ONLY);
        Instant now = Instant.now();
        policy.verify(TestTokens.claims("tool:*").build(), null);
        policy.verify(TestTokens.claims("tool:*").expirationTime(Date.from(now.minusSeconds(50))).build(), null);
        policy.verify(TestTokens.claims("tool:*").audience(List.of("other", "hamsa")).build(), null);
        for (JWTClaimsSet bad : List.of(
                TestTokens.claims("tool:*").expirationTime(Date.from(now.minusSeconds(70))).build(),
                TestTokens.claims("tool:*").notBeforeTime(Date.from(now.plusSeconds(70))).build(),
                TestTokens.claims("tool:*").issuer("toolwire2").build(),
                TestTokens.claims("tool:*").audience("hamsa2").build(),
                TestTokens.claims("tool:*").expirationTime(null).build(),
                TestTokens.claims("tool:*").issuer(null).build())) {
            // Through JSON, as on the wire: the builder keeps a claim set to null, the wire has none.
            JWTClaimsSet onTheWire = JWTClaimsSet.parse(bad.toString());
            assertThrows(BadJWTException.class, () -> policy.verify(onTheWire, null), bad.toString());
        }
    }

    @Test
    void keySource_allowsHmacOnlyWithASecret_publicKeyAlgorithmsOnlyWithAJwks_neverNone() {
        JwtKeySource hmac = new JwtKeySource(keys(HMAC_ONLY), HMAC_ONLY);
        assertEquals(Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512), hmac.algorithms());
        JwtConfiguration jwksOnly = jwt(null, "https://keys.example.com/jwks.json");
        Set<JWSAlgorithm> publicOnly = new JwtKeySource(keys(jwksOnly), jwksOnly).algorithms();
        assertTrue(publicOnly.contains(JWSAlgorithm.RS256) && publicOnly.contains(JWSAlgorithm.ES256));
        assertFalse(publicOnly.contains(JWSAlgorithm.HS256));
        assertFalse(publicOnly.contains(new JWSAlgorithm("none")));
    }

    @Test
    void keySource_neverAsksTheJwksForHmacKeys() throws Exception {
        JwtConfiguration both = jwt(TestTokens.SECRET, "https://unreachable.invalid/jwks.json");
        JwtKeySource source = new JwtKeySource(keys(both), both);
        JWKSelector octets = new JWKSelector(new JWKMatcher.Builder().keyType(KeyType.OCT).build());
        assertEquals(1, source.get(octets, null).size(), "the secret, and no fetch of the unreachable JWKS");
    }

    @Test
    void keys_tooShortSecretIsAStartupError_blankMeansUnset() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> keys(jwt("x".repeat(31), null)));
        assertTrue(e.getMessage().startsWith("toolwire.auth.jwt.secret is too short"), e.getMessage());
        assertTrue(keys(jwt("   ", null)).ephemeralSecret());
        assertFalse(keys(jwt("x".repeat(32), null)).ephemeralSecret());
        assertFalse(keys(jwt(null, "keys.json")).ephemeralSecret(), "a JWKS is a key");
        assertTrue(keys(jwt(null, "keys.json")).signingSecret().isEmpty());
    }

    @Test
    void headerCheck_findsTheMatchingValue() {
        HeaderKeyCheck check = new HeaderKeyCheck(List.of("first-value", "second-value"));
        assertEquals(OptionalInt.of(0), check.match("first-value"));
        assertEquals(OptionalInt.of(1), check.match("second-value"));
        assertEquals(OptionalInt.empty(), check.match("first-valu"));
        assertEquals(OptionalInt.empty(), check.match("first-value "));
        assertEquals(OptionalInt.empty(), check.match(""));
    }

    @Test
    void cache_forgetsAtExpiryAndAfterFiveMinutes_andEvictsTheLeastRecentlyUsed() {
        Instant now = Instant.now();
        VerifiedTokenCache cache = new VerifiedTokenCache(2);
        VerifiedToken shortLived = new VerifiedToken("a", ToolScope.parse("tool:*"), now.plusSeconds(30));
        VerifiedToken longLived = new VerifiedToken("b", ToolScope.parse("tool:*"), now.plus(Duration.ofDays(30)));
        cache.put("short", shortLived, now);
        cache.put("long", longLived, now);
        assertEquals(shortLived, cache.get("short", now.plusSeconds(29)));
        assertNull(cache.get("short", now.plusSeconds(30)));
        assertEquals(longLived, cache.get("long", now.plus(Duration.ofMinutes(4))));
        assertNull(cache.get("long", now.plus(VerifiedTokenCache.MAX_AGE)));
        cache.put("expired", new VerifiedToken("c", ToolScope.parse("tool:*"), now.minusSeconds(1)), now);
        assertNull(cache.get("expired", now));
        cache.put("x", longLived, now);
        cache.put("y", longLived, now);
        cache.get("x", now);
        cache.put("z", longLived, now);
        assertEquals(2, cache.size());
        assertNull(cache.get("y", now), "least recently used goes first");
    }

    @Test
    void issuer_signsWhatTheVerifierAccepts() throws Exception {
        AuthKeys keys = keys(HMAC_ONLY);
        String token = new JwtIssuer(keys.signingSecret().orElseThrow(), HMAC_ONLY)
                .issue("hamsa", List.of("lookup", "book"), Duration.ofMinutes(5));
        VerifiedToken verified = new JwtVerifier(keys, HMAC_ONLY).verify(token);
        assertEquals("hamsa", verified.subject());
        assertEquals(Set.of("tool:lookup", "tool:book"), verified.scope().scopes());
        assertThrows(IllegalArgumentException.class,
                () -> new JwtIssuer(keys.signingSecret().orElseThrow(), HMAC_ONLY).issue("s", List.of(), Duration.ofMinutes(1)));
    }
}
