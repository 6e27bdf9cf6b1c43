package dev.toolwire.runtime.hamsa;

import dev.toolwire.runtime.HamsaConfiguration;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Hamsa's web-tool REST API on Micronaut's HTTP client. Work happens in a {@link HamsaSession}, one
 * per run, which speaks one {@link HamsaDialect} and has its own budget for waiting on rate limits;
 * the pacing of requests is shared by every session of this client.
 */
@Singleton
@Internal
public final class HamsaClient implements AutoCloseable {

    /** How long a reachability check may wait on rate limits. */
    private static final Duration PROBE_WAIT = Duration.ofSeconds(10);

    private final URI baseUrl;
    private final @Nullable String apiKey;
    private final HamsaConfiguration config;
    private @Nullable HttpClient http;
    private @Nullable HamsaTransport transport;

    /**
     * Creates the client; no connection is made until the first call.
     *
     * @param config the {@code toolwire.hamsa.*} settings
     * @param properties for the {@code HAMSA_API_KEY} and {@code HAMSA_BASE_URL} environment variables
     */
    @Inject
    public HamsaClient(HamsaConfiguration config, PropertyResolver properties) {
        this.config = config;
        this.apiKey = normaliseKey(config.apiKey() != null ? config.apiKey()
                : properties.get("hamsa.api-key", String.class).orElse(null));
        URI url = config.baseUrl() != null ? config.baseUrl()
                : properties.get("hamsa.base-url", URI.class).orElse(URI.create(HamsaConfiguration.DEFAULT_BASE_URL));
        String text = url.toString();
        this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /**
     * Whether an API key is configured.
     *
     * @return whether {@code toolwire.hamsa.api-key} or {@code HAMSA_API_KEY} is set
     */
    public boolean hasApiKey() {
        return apiKey != null;
    }

    /**
     * The base URL requests go to; its path, if any, prefixes every request path.
     *
     * @return the URL, without a trailing slash
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * The configured dialect.
     *
     * @return the dialect, or empty for {@code auto}
     * @throws IllegalArgumentException when {@code toolwire.hamsa.dialect} is not a dialect
     */
    public Optional<HamsaDialect> configuredDialect() {
        return HamsaDialect.parse(config.dialect());
    }

    /**
     * Starts a run in the configured dialect, with {@code toolwire.hamsa.max-wait} to wait on rate limits.
     *
     * @return the session
     * @throws IllegalArgumentException when {@code toolwire.hamsa.dialect} is not a dialect
     */
    public HamsaSession session() {
        return new HamsaSession(transport(), configuredDialect().orElse(null), Math.max(1, config.pageSize()),
                new WaitBudget(config.maxWait()));
    }

    /**
     * Asks for the first page of one web tool, only to learn whether Hamsa answers and accepts the
     * key: one request (two when the dialect is detected), however many tools there are.
     *
     * @throws HamsaApiException when Hamsa cannot be reached or refuses the call
     */
    public void probe() {
        Optional<HamsaDialect> dialect;
        try {
            dialect = configuredDialect();
        } catch (IllegalArgumentException e) {
            dialect = Optional.empty();
        }
        new HamsaSession(transport(), dialect.orElse(null), 1, new WaitBudget(PROBE_WAIT)).probe();
    }

    private synchronized HamsaTransport transport() {
        HamsaTransport current = transport;
        if (current == null) {
            DefaultHttpClientConfiguration settings = new DefaultHttpClientConfiguration();
            settings.setReadTimeout(config.readTimeout());
            settings.setFollowRedirects(false);
            try {
                URI root = new URI(baseUrl.getScheme(), baseUrl.getRawAuthority(), null, null, null);
                http = HttpClient.create(root.toURL(), settings);
            } catch (MalformedURLException | URISyntaxException | IllegalArgumentException e) {
                throw new IllegalStateException("toolwire.hamsa.base-url (or HAMSA_BASE_URL) is not an absolute URL: '"
                        + baseUrl + "'. Use one such as " + HamsaConfiguration.DEFAULT_BASE_URL + ".", e);
            }
            String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
            current = new HamsaTransport(http, path.endsWith("/") ? path.substring(0, path.length() - 1) : path,
                    apiKey == null ? "" : apiKey, new RequestPacer(config.requestsPerMinute()),
                    new Backoff(config.backoff(), config.maxBackoff()), config.maxAttempts());
            transport = current;
        }
        return current;
    }

    /** Closes the HTTP client. */
    @Override
    @PreDestroy
    public synchronized void close() {
        if (http != null) {
            http.close();
            http = null;
            transport = null;
        }
    }

    /** Trims the key and drops a leading {@code Token } that some setups store with it. */
    static @Nullable String normaliseKey(@Nullable String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String trimmed = key.trim();
        return trimmed.toLowerCase(Locale.ROOT).startsWith("token ") ? trimmed.substring(6).trim() : trimmed;
    }
}
