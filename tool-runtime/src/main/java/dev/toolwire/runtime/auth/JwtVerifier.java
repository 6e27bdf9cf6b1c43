package dev.toolwire.runtime.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.toolwire.runtime.JwtConfiguration;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.time.Instant;

/**
 * Verifies bearer tokens with Nimbus's {@link DefaultJWTProcessor}: the signature against a key of
 * {@link JwtKeySource} for an allowed algorithm, then the claims against {@link JwtClaimsPolicy}.
 * Unsecured ({@code alg: none}) and encrypted tokens are refused by the processor itself. Verified
 * tokens are remembered in a {@link VerifiedTokenCache}, so the static token a platform sends on
 * every call is checked once.
 */
@Singleton
@Internal
public final class JwtVerifier {

    /** The longest token looked at; anything longer is refused unparsed. */
    static final int MAX_TOKEN_CHARS = 4096;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final VerifiedTokenCache cache = new VerifiedTokenCache(VerifiedTokenCache.DEFAULT_CAPACITY);
    private final boolean fetchesKeys;

    JwtVerifier(AuthKeys keys, JwtConfiguration config) {
        JwtKeySource source = new JwtKeySource(keys, config);
        fetchesKeys = keys.jwks().isPresent();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(source.algorithms(), source));
        processor.setJWTClaimsSetVerifier(JwtClaimsPolicy.of(config));
    }

    /**
     * Whether verifying may read a JWKS (from a URL or a file) rather than use keys in memory only.
     *
     * @return {@code true} with a configured JWKS
     */
    boolean fetchesKeys() {
        return fetchesKeys;
    }

    /**
     * Whether the token was verified before and is still remembered: verifying it again is a lookup.
     *
     * @param token the compact JWT
     * @return {@code true} when {@link #verify} answers from the cache
     */
    boolean knows(String token) {
        return token.length() <= MAX_TOKEN_CHARS && cache.get(Fingerprints.key(token), Instant.now()) != null;
    }

    /**
     * Verifies a token.
     *
     * @param token the compact JWT
     * @return what it says
     * @throws BadJOSEException when it is refused: bad signature, unknown key, disallowed algorithm, claims
     * @throws JOSEException when a key could not be found or used (for example the JWKS is unreachable)
     * @throws ParseException when it is not a JWT
     */
    VerifiedToken verify(String token) throws BadJOSEException, JOSEException, ParseException {
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new ParseException("token longer than " + MAX_TOKEN_CHARS + " characters", 0);
        }
        String key = Fingerprints.key(token);
        VerifiedToken known = cache.get(key, Instant.now());
        if (known != null) {
            return known;
        }
        JWTClaimsSet claims = processor.process(token, null);
        VerifiedToken verified = new VerifiedToken(claims.getSubject(), ToolScope.parse(claims.getClaim("scope")),
                claims.getExpirationTime().toInstant());
        cache.put(key, verified, Instant.now());
        return verified;
    }
}
