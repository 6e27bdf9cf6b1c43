package dev.toolwire.runtime.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.toolwire.runtime.JwtConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;
import java.util.stream.Collectors;

/** Signs {@code HS256} tokens with a secret, carrying the claims {@link JwtVerifier} requires. */
final class JwtIssuer {

    private final byte[] secret;
    private final JwtConfiguration config;
    private final JWSHeader header;

    JwtIssuer(byte[] secret, JwtConfiguration config) {
        this.secret = secret.clone();
        this.config = config;
        this.header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(JOSEObjectType.JWT)
                .keyID(Fingerprints.shortName(secret))
                .build();
    }

    /**
     * Signs a token.
     *
     * @param subject the {@code sub} claim
     * @param toolNames the tools in scope; {@code *} for all
     * @param ttl the validity from now
     * @return the compact JWT
     */
    String issue(String subject, Collection<String> toolNames, Duration ttl) {
        if (toolNames.isEmpty()) {
            throw new IllegalArgumentException("A token needs at least one tool in scope");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("A token needs a positive lifetime");
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(config.issuer())
                .audience(config.audience())
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", toolNames.stream().distinct().map(n -> ToolScope.PREFIX + n).collect(Collectors.joining(" ")))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token with the configured secret", e);
        }
        return jwt.serialize();
    }
}
