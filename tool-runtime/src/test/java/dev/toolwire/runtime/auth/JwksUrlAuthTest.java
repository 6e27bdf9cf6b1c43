package dev.toolwire.runtime.auth;

import static dev.toolwire.runtime.auth.AuthCalls.bearer;
import static dev.toolwire.runtime.auth.AuthCalls.lookupCustomer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Public keys fetched from a JWKS URL (a local HTTP server standing in for an identity provider):
 * tokens signed by a published key are accepted, the set is fetched once and cached, an unknown key
 * makes it refetch, and a forged key is refused. The tool is {@code @NonBlocking}, so these calls
 * also cover the hand-off of a not-yet-verified token to the blocking executor for the fetch.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "AuthTools")
@Property(name = "toolwire.auth.jwt.jwks-refresh-interval", value = "1ms")
class JwksUrlAuthTest implements TestPropertyProvider {

    private final RSAKey first = rsa("first");
    private final RSAKey rotated = rsa("rotated");
    private final AtomicReference<String> published = new AtomicReference<>(keySet(first));
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer provider;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        try {
            provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        provider.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        provider.start();
        return Map.of("toolwire.auth.jwt.jwks",
                "http://127.0.0.1:" + provider.getAddress().getPort() + "/.well-known/jwks.json");
    }

    @AfterAll
    void stopProvider() {
        provider.stop(0);
    }

    @Test
    void keysFromTheUrl_areFetchedOnce_thenRefetchedForAnUnknownKey() {
        int before = fetches.get();
        assertEquals(200, call(rs256(first, "first")));
        assertEquals(200, call(rs256(first, "first")));
        assertTrue(fetches.get() >= 1, "the set was fetched from the URL");
        assertTrue(fetches.get() - before <= 1, "the set is cached after the first fetch: " + (fetches.get() - before));

        assertEquals(401, call(rs256(rotated, "rotated")), "not published yet");
        published.set(keySet(first, rotated));
        assertEquals(200, call(rs256(rotated, "rotated")), "an unknown kid makes the set refetch");
        assertTrue(fetches.get() >= 2, "fetched again: " + fetches.get());
    }

    @Test
    void aKeyNotInTheSet_isRefused() {
        assertEquals(401, call(rs256(rsa("first"), "first")), "same kid, different key");
    }

    private int call(String token) {
        return bearer(client, lookupCustomer(), token).status();
    }

    private static String keySet(RSAKey... keys) {
        List<JWK> publicKeys = Arrays.stream(keys).<JWK>map(RSAKey::toPublicJWK).toList();
        return new JWKSet(publicKeys).toString();
    }

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rs256(RSAKey signWith, String kid) {
        try {
            return TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                    TestTokens.claims("tool:*").jwtID(UUID.randomUUID().toString()).build(), new RSASSASigner(signWith));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
