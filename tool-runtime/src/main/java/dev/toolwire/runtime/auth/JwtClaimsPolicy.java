package dev.toolwire.runtime.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import dev.toolwire.runtime.JwtConfiguration;
import java.util.Set;

/**
 * The claims every token must carry: the configured {@code iss} exactly, the configured audience in
 * {@code aud}, and an {@code exp}; {@code exp} and {@code nbf} are checked with a 60-second clock
 * skew. Nimbus's {@link DefaultJWTClaimsVerifier} does the checking.
 */
final class JwtClaimsPolicy {

    /** The clock skew allowed on {@code exp} and {@code nbf}, in seconds (SPEC §5). */
    static final int CLOCK_SKEW_SECONDS = 60;

    private JwtClaimsPolicy() {}

    static DefaultJWTClaimsVerifier<SecurityContext> of(JwtConfiguration config) {
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(
                Set.of(config.audience()),
                new JWTClaimsSet.Builder().issuer(config.issuer()).build(),
                Set.of("iss", "aud", "exp"),
                Set.of());
        verifier.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        return verifier;
    }
}
