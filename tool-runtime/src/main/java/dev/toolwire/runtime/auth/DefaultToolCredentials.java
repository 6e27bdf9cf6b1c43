package dev.toolwire.runtime.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import dev.toolwire.annotations.AuthMode;
import dev.toolwire.runtime.AuthConfiguration;
import dev.toolwire.runtime.HeaderAuthConfiguration;
import dev.toolwire.runtime.JwtConfiguration;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * The one source of the credentials Toolwire publishes and accepts. Tokens are minted only with a
 * configured secret: an ephemeral key dies with this process, so a token signed with it would be
 * refused by the next one, and publishing it would break the platform's calls.
 */
@Singleton
@Internal
public final class DefaultToolCredentials implements ToolCredentials {

    private final AuthMode defaultMode;
    private final AuthKeys keys;
    private final JwtVerifier verifier;
    private final LocalCredentials local;

    DefaultToolCredentials(
            AuthConfiguration auth, AuthKeys keys, JwtVerifier verifier, LocalCredentials local) {
        this.defaultMode = AuthModes.parseDefault(auth.getDefault());
        this.keys = keys;
        this.verifier = verifier;
        this.local = local;
    }

    @Override
    public AuthMode effectiveMode(AuthMode declared) {
        return declared == AuthMode.DEFAULT ? defaultMode : declared;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when no secret is configured (only an ephemeral key, or only
     *     JWKS public keys); the message names {@code toolwire.auth.jwt.secret}
     */
    @Override
    public String issueToken(String subject, Collection<String> toolNames, Duration ttl) {
        if (subject.isBlank()) {
            throw new IllegalArgumentException("A token needs a subject");
        }
        if (keys.ephemeralSecret()) {
            throw new IllegalStateException("Cannot mint a token the server will accept: no "
                    + JwtConfiguration.PREFIX + ".secret is configured, and the ephemeral key of a local start "
                    + "dies with its process. Set " + JwtConfiguration.PREFIX + ".secret (at least 32 bytes) "
                    + "here and on the server.");
        }
        JwtIssuer issuer = keys.issuer().orElseThrow(() -> new IllegalStateException(
                "Cannot mint a token: only public keys (" + JwtConfiguration.PREFIX + ".jwks) are configured, and "
                        + "signing needs the private key. Mint tokens where that key lives, or set "
                        + JwtConfiguration.PREFIX + ".secret."));
        return issuer.issue(subject, toolNames, ttl);
    }

    @Override
    public boolean accepts(String token, String toolName, Duration remaining) {
        Objects.requireNonNull(toolName, "toolName");
        String compact = BearerTokens.withoutPrefix(token);
        try {
            VerifiedToken verified = verifier.verify(compact);
            return verified.scope().allows(toolName) && !verified.expiresAt().isBefore(Instant.now().plus(remaining));
        } catch (BadJOSEException | JOSEException | ParseException | RuntimeException refused) {
            return false;
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when no value is configured; the message names
     *     {@code toolwire.auth.header.values}
     */
    @Override
    public HeaderCredential headerCredential() {
        if (keys.ephemeralHeader()) {
            throw new IllegalStateException("Cannot publish a header credential: no " + HeaderAuthConfiguration.PREFIX
                    + ".values is configured, and the ephemeral value of a local start dies with its process.");
        }
        return local.header();
    }
}
