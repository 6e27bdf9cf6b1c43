package dev.toolwire.runtime.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;

/** Test helper: mints tokens, good and bad, with a test key. */
final class TestTokens {

    /** The HMAC secret the auth tests configure. */
    static final String SECRET = "auth-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz-0123456789";

    private TestTokens() {}

    /** Claims a server with default issuer and audience accepts, with this scope, valid 10 minutes. */
    static JWTClaimsSet.Builder claims(String scope) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("toolwire")
                .audience("hamsa")
                .subject("tester")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .claim("scope", scope);
    }

    static String hs256(String secret, JWTClaimsSet claims) {
        return sign(new JWSHeader(JWSAlgorithm.HS256), claims, mac(secret.getBytes(StandardCharsets.UTF_8)));
    }

    static String hs256(JWTClaimsSet claims) {
        return hs256(SECRET, claims);
    }

    static String withScope(String scope) {
        return hs256(claims(scope).build());
    }

    static String with(String scope, UnaryOperator<JWTClaimsSet.Builder> change) {
        return hs256(change.apply(claims(scope)).build());
    }

    static JWSSigner mac(byte[] key) {
        try {
            return new MACSigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
