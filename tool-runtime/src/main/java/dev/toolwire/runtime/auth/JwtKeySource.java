package dev.toolwire.runtime.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import dev.toolwire.runtime.JwtConfiguration;
import io.micronaut.context.exceptions.ConfigurationException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where verification keys come from: the HMAC secrets as octet keys (named by their fingerprint),
 * and the JWKS, fetched through Nimbus's caching, rate-limited {@link JWKSourceBuilder} source so
 * several keys can be live at once and a token with a new {@code kid} triggers a refresh. Also
 * derives the accepted algorithms from what is configured: {@code HS*} only with a secret, the
 * {@code RS*}/{@code PS*}/{@code ES*} families only with a JWKS, and never {@code none}.
 */
final class JwtKeySource implements JWKSource<SecurityContext> {

    private static final Logger LOG = LoggerFactory.getLogger(JwtKeySource.class);

    private static final List<JWSAlgorithm> HMAC = List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512);
    private static final List<JWSAlgorithm> PUBLIC_KEY = List.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final JWKSource<SecurityContext> secrets;
    private final @Nullable JWKSource<SecurityContext> jwks;
    private final Set<JWSAlgorithm> algorithms;

    JwtKeySource(AuthKeys keys, JwtConfiguration config) {
        List<JWK> octets = new ArrayList<>();
        for (byte[] secret : keys.hmacSecrets()) {
            octets.add(new OctetSequenceKey.Builder(secret).keyID(Fingerprints.shortName(secret)).build());
        }
        this.secrets = new ImmutableJWKSet<>(new JWKSet(octets));
        this.jwks = keys.jwks().map(location -> remote(location, config)).orElse(null);
        Set<JWSAlgorithm> allowed = new LinkedHashSet<>();
        if (!octets.isEmpty()) {
            allowed.addAll(HMAC);
        }
        if (jwks != null) {
            allowed.addAll(PUBLIC_KEY);
        }
        this.algorithms = Set.copyOf(allowed);
    }

    private static JWKSource<SecurityContext> remote(String location, JwtConfiguration config) {
        if (location.startsWith("http://")) {
            LOG.warn("{}.jwks is fetched over plain http; anyone on the path could swap the keys. Use https.",
                    JwtConfiguration.PREFIX);
        }
        long ttl = config.jwksCacheTtl().toMillis();
        long interval = Math.min(config.jwksRefreshInterval().toMillis(), ttl - 1);
        return JWKSourceBuilder.<SecurityContext>create(url(location), new JwksRetriever())
                .cache(ttl, JwksRetriever.TIMEOUT_MILLIS)
                .rateLimited(Math.max(interval, 0))
                .build();
    }

    private static URL url(String location) {
        try {
            if (location.startsWith("https://") || location.startsWith("http://") || location.startsWith("file:")) {
                return URI.create(location).toURL();
            }
            return Path.of(location).toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new ConfigurationException(JwtConfiguration.PREFIX + ".jwks is neither an http(s) URL nor a file path.");
        }
    }

    /** The algorithms a token may be signed with. */
    Set<JWSAlgorithm> algorithms() {
        return algorithms;
    }

    /**
     * The candidate keys: secrets for HMAC algorithms, JWKS keys for the others. The JWKS is not
     * asked for octet keys, so an HMAC token can never make it refetch.
     */
    @Override
    public List<JWK> get(JWKSelector selector, @Nullable SecurityContext context) throws KeySourceException {
        List<JWK> found = new ArrayList<>(secrets.get(selector, context));
        Set<KeyType> types = selector.getMatcher().getKeyTypes();
        boolean wantsOctets = types != null && types.contains(KeyType.OCT);
        if (jwks != null && !wantsOctets) {
            found.addAll(jwks.get(selector, context));
        }
        return found;
    }
}
