package dev.toolwire.runtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How bearer tokens are verified and minted ({@code toolwire.auth.jwt.*}). Configure an HMAC secret,
 * a JWKS of public keys, or both; the accepted algorithms follow from what is configured.
 *
 * @param secret {@code toolwire.auth.jwt.secret}: the HMAC key (its UTF-8 bytes, at least 32), used
 *     to verify {@code HS256/384/512} tokens and to sign the tokens Toolwire mints. Unset by default.
 * @param secrets {@code toolwire.auth.jwt.secrets}: further HMAC keys that are still accepted but no
 *     longer used for signing, so a secret can be rotated without breaking issued tokens. Empty by
 *     default.
 * @param jwks {@code toolwire.auth.jwt.jwks}: an {@code https://} URL or a file path of a JSON Web Key
 *     Set of public keys (RSA or EC); tokens are checked against the key named by their {@code kid}.
 *     Unset by default.
 * @param issuer {@code toolwire.auth.jwt.issuer}: the required {@code iss} claim. Default
 *     {@code toolwire}.
 * @param audience {@code toolwire.auth.jwt.audience}: the required {@code aud} claim. Default
 *     {@code hamsa}.
 * @param jwksCacheTtl {@code toolwire.auth.jwt.jwks-cache-ttl}: how long a fetched key set is used
 *     before it is fetched again. Default {@code 5m}.
 * @param jwksRefreshInterval {@code toolwire.auth.jwt.jwks-refresh-interval}: the least time between
 *     two fetches caused by tokens with an unknown {@code kid}. Default {@code 30s}.
 */
@ConfigurationProperties(JwtConfiguration.PREFIX)
public record JwtConfiguration(
        @Nullable String secret,
        @Nullable List<String> secrets,
        @Nullable String jwks,
        @Bindable(defaultValue = "toolwire") String issuer,
        @Bindable(defaultValue = "hamsa") String audience,
        @Bindable(defaultValue = "5m") Duration jwksCacheTtl,
        @Bindable(defaultValue = "30s") Duration jwksRefreshInterval) {

    /** The property prefix, {@value}. */
    public static final String PREFIX = "toolwire.auth.jwt";

    /** Masks the secrets: a configuration printed in a log or a failed assertion must not carry a key. */
    @Override
    public String toString() {
        return "JwtConfiguration[secret=" + (secret == null ? "unset" : "****") + ", secrets="
                + (secrets == null ? "unset" : secrets.size() + " x ****") + ", jwks=" + jwks + ", issuer=" + issuer
                + ", audience=" + audience + ", jwksCacheTtl=" + jwksCacheTtl + ", jwksRefreshInterval="
                + jwksRefreshInterval + "]";
    }
}
