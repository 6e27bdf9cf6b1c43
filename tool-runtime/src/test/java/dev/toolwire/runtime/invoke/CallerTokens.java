package dev.toolwire.runtime.invoke;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/** Test helper: tokens for every tool, one caller ({@code sub}) each, signed with a test secret. */
final class CallerTokens {

    /** The HMAC secret the tests configure as {@code toolwire.auth.jwt.secret}. */
    static final String SECRET = "caller-quota-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

    private CallerTokens() {}

    /**
     * A token the server accepts for every tool, valid ten minutes.
     *
     * @param subject the caller
     * @return the compact JWT
     */
    static String of(String subject) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("toolwire")
                .audience("hamsa")
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .claim("scope", "tool:*")
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
