package dev.toolwire.runtime.auth;

import dev.toolwire.runtime.HeaderAuthConfiguration;
import dev.toolwire.runtime.JwtConfiguration;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key material of this process: the configured HMAC secrets, JWKS location and header values,
 * or, where none is configured, ephemeral ones made at startup for local use. Ephemeral keys die
 * with the process, so nothing minted with them is ever published.
 */
@Singleton
@Internal
public final class AuthKeys {

    /** The least HMAC key length, in bytes (RFC 7518 §3.2 for HS256). */
    static final int MIN_SECRET_BYTES = 32;

    /** The least header value length, in bytes: a shorter key is guessed in seconds (issue 14). */
    static final int MIN_HEADER_VALUE_BYTES = 16;

    private static final Logger LOG = LoggerFactory.getLogger(AuthKeys.class);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<byte[]> hmacSecrets;
    private final @Nullable JwtIssuer issuer;
    private final boolean ephemeralSecret;
    private final @Nullable String jwks;
    private final List<String> headerValues;
    private final boolean ephemeralHeader;

    @Inject
    AuthKeys(JwtConfiguration jwt, HeaderAuthConfiguration header, Environment environment) {
        this(jwt, header, environment.getActiveNames().contains(Environment.DEVELOPMENT));
    }

    /**
     * @param weakHeaderValuesAllowed whether a too short header value is only warned about (the
     *     {@code dev} environment) instead of stopping the start
     */
    AuthKeys(JwtConfiguration jwt, HeaderAuthConfiguration header, boolean weakHeaderValuesAllowed) {
        this.jwks = blankToNull(jwt.jwks());
        List<byte[]> secrets = new ArrayList<>();
        addSecret(secrets, jwt.secret(), JwtConfiguration.PREFIX + ".secret");
        List<String> older = jwt.secrets() == null ? List.of() : jwt.secrets();
        for (int i = 0; i < older.size(); i++) {
            addSecret(secrets, older.get(i), JwtConfiguration.PREFIX + ".secrets[" + i + "]");
        }
        this.ephemeralSecret = secrets.isEmpty() && jwks == null;
        if (ephemeralSecret) {
            byte[] random = new byte[MIN_SECRET_BYTES];
            RANDOM.nextBytes(random);
            secrets.add(random);
        }
        this.hmacSecrets = List.copyOf(secrets);
        this.issuer = secrets.isEmpty() ? null : new JwtIssuer(secrets.get(0), jwt);
        List<String> values = new ArrayList<>();
        List<String> configured = header.values() == null ? List.of() : header.values();
        for (int i = 0; i < configured.size(); i++) {
            String value = configured.get(i);
            if (blankToNull(value) != null) {
                checkHeaderValue(value, HeaderAuthConfiguration.PREFIX + ".values[" + i + "]", weakHeaderValuesAllowed);
                values.add(value);
            }
        }
        this.ephemeralHeader = values.isEmpty();
        if (ephemeralHeader) {
            byte[] random = new byte[24];
            RANDOM.nextBytes(random);
            values.add("local-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        }
        this.headerValues = List.copyOf(values);
    }

    private static void addSecret(List<byte[]> secrets, @Nullable String secret, String property) {
        if (blankToNull(secret) == null) {
            return;
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new ConfigurationException(property + " is too short: an HMAC key needs at least "
                    + MIN_SECRET_BYTES + " bytes. Generate one with 'openssl rand -base64 48'.");
        }
        secrets.add(bytes);
    }

    private static void checkHeaderValue(String value, String property, boolean onlyWarn) {
        if (value.getBytes(StandardCharsets.UTF_8).length >= MIN_HEADER_VALUE_BYTES) {
            return;
        }
        String problem = property + " is too short: a header key needs at least " + MIN_HEADER_VALUE_BYTES
                + " bytes, or it can be guessed. Generate one with 'openssl rand -base64 24'.";
        if (!onlyWarn) {
            throw new ConfigurationException(problem);
        }
        LOG.warn("{} Accepted only because this is the dev environment.", problem);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The HMAC secrets tokens may be signed with; the first signs. Empty with only a JWKS. */
    List<byte[]> hmacSecrets() {
        return hmacSecrets;
    }

    /** The key that signs minted tokens, if any. */
    Optional<byte[]> signingSecret() {
        return hmacSecrets.isEmpty() ? Optional.empty() : Optional.of(hmacSecrets.get(0));
    }

    /** The issuer of minted tokens, signing with {@link #signingSecret()}, if there is one. */
    Optional<JwtIssuer> issuer() {
        return Optional.ofNullable(issuer);
    }

    /** Whether the HMAC secret was made up at startup because no JWT key was configured. */
    boolean ephemeralSecret() {
        return ephemeralSecret;
    }

    /** The configured JWKS URL or path, if any. */
    Optional<String> jwks() {
        return Optional.ofNullable(jwks);
    }

    /** The accepted header values; the first is the one published. */
    List<String> headerValues() {
        return headerValues;
    }

    /** Whether the header value was made up at startup because none was configured. */
    boolean ephemeralHeader() {
        return ephemeralHeader;
    }
}
