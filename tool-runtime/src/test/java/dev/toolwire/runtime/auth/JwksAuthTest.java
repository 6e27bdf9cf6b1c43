package dev.toolwire.runtime.auth;

import static dev.toolwire.runtime.auth.AuthCalls.bearer;
import static dev.toolwire.runtime.auth.AuthCalls.lookupCustomer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.toolwire.runtime.ToolInfo;
import dev.toolwire.runtime.invoke.DefaultToolRegistry;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Public keys from a JWKS file: several keys at once chosen by {@code kid}, a new key picked up by a
 * refresh, and no way to pass an RSA public key off as an HMAC secret. An HMAC secret is configured
 * too, so HS256 is an allowed algorithm and the confusion test is not refused for a trivial reason.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "AuthTools")
@Property(name = "toolwire.auth.jwt.secret", value = TestTokens.SECRET)
@Property(name = "toolwire.auth.jwt.jwks-refresh-interval", value = "1ms")
class JwksAuthTest implements TestPropertyProvider {

    private final RSAKey first = rsa("first");
    private final RSAKey second = rsa("second");
    private final ECKey third = ec("third");
    private final RSAKey rotated = rsa("rotated");
    private Path jwks;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ToolAuthenticator authenticator;

    @Inject
    DefaultToolRegistry registry;

    @Override
    public Map<String, String> getProperties() {
        try {
            jwks = Files.createTempFile("toolwire-jwks", ".json");
            jwks.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        publish(first, second, third);
        return Map.of("toolwire.auth.jwt.jwks", jwks.toString());
    }

    private void publish(JWK... keys) {
        List<JWK> publicKeys = List.of(keys).stream().map(JWK::toPublicJWK).toList();
        try {
            Files.writeString(jwks, new JWKSet(publicKeys).toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSASSASigner signer(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rs256(RSAKey signWith, String kid) {
        try {
            return TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                    TestTokens.claims("tool:*").build(), new RSASSASigner(signWith));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private int call(String token) {
        return bearer(client, lookupCustomer(), token).status();
    }

    @Test
    void everyKeyOfTheSet_isSelectedByKid() throws JOSEException {
        assertEquals(200, call(rs256(first, "first")));
        assertEquals(200, call(rs256(second, "second")));
        String es256 = TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("third").build(),
                TestTokens.claims("tool:*").build(), new ECDSASigner(third));
        assertEquals(200, call(es256));
        assertEquals(200, call(TestTokens.withScope("tool:*")), "the HMAC secret still works next to the JWKS");
    }

    @Test
    void aTokenNotSeenBefore_isCheckedOffTheEventLoop_evenForANonBlockingTool() {
        ToolInfo tool = registry.find("lookup_customer").orElseThrow();
        String token = TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("second").build(),
                TestTokens.claims("tool:*").jwtID(UUID.randomUUID().toString()).build(), signer(second));
        MutableHttpRequest<?> request = lookupCustomer().bearerAuth(token);
        assertTrue(authenticator.mayBlock(request, tool), "a JWKS may have to be read for a new token");
        assertEquals(200, call(token));
        assertFalse(authenticator.mayBlock(request, tool), "a verified token is answered from memory");
        assertFalse(authenticator.mayBlock(lookupCustomer(), tool), "no token: refused without I/O");
    }

    @Test
    void signatureByAnotherKeyOfTheSet_isRefused() {
        assertEquals(401, call(rs256(first, "second")));
        assertEquals(401, call(rs256(rsa("first"), "first")), "same kid, different key");
    }

    @Test
    void hmacSignedWithThePublicKey_isRefused() throws JOSEException {
        byte[] publicKeyBytes = first.toRSAPublicKey().getEncoded();
        byte[] publicKeyJson = first.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        for (byte[] secret : List.of(publicKeyBytes, publicKeyJson)) {
            String confused = TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("first").build(),
                    TestTokens.claims("tool:*").build(), TestTokens.mac(secret));
            assertEquals(401, call(confused));
        }
    }

    @Test
    void aNewKeyInTheSet_isPickedUpByARefresh() {
        assertEquals(200, call(rs256(first, "first")), "the set is loaded");
        assertEquals(401, call(rs256(rotated, "rotated")), "not published yet");
        publish(first, second, third, rotated);
        assertEquals(200, call(rs256(rotated, "rotated")));
    }
}
