package dev.toolwire.runtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How Toolwire talks to the Hamsa REST API ({@code toolwire.hamsa.*}).
 *
 * @param collectionId {@code toolwire.hamsa.collection-id}: the Hamsa collection to file the tools
 *     in, sent as {@code collectionId}. Unset by default: tools are filed in no collection, and the
 *     collection of a remote tool is not compared.
 * @param apiKey {@code toolwire.hamsa.api-key}: the project's API key, sent as
 *     {@code Authorization: Token <key>}; a value that already starts with {@code Token } is accepted.
 *     Unset by default; the environment variable {@code HAMSA_API_KEY} is used then. Never logged.
 * @param baseUrl {@code toolwire.hamsa.base-url}: the API's base URL. Unset by default: the
 *     environment variable {@code HAMSA_BASE_URL}, else {@code https://api.tryhamsa.com}.
 * @param requestsPerMinute {@code toolwire.hamsa.requests-per-minute}: the client paces itself to at
 *     most this many requests per minute (Hamsa allows 100). Default {@code 100}.
 * @param maxAttempts {@code toolwire.hamsa.max-attempts}: attempts per request, the first included,
 *     when Hamsa answers 429 or (for reads and activation changes) 5xx or the connection fails.
 *     Default {@code 4}.
 * @param backoff {@code toolwire.hamsa.backoff}: the first retry delay after a 5xx or I/O error;
 *     it doubles on each attempt, with jitter. Default {@code 1s}.
 * @param maxBackoff {@code toolwire.hamsa.max-backoff}: the longest retry delay. Default {@code 30s}.
 * @param maxRetryWait {@code toolwire.hamsa.max-retry-wait}: the longest wait a 429's
 *     {@code Retry-After} or {@code X-RateLimit-Reset} may impose. Default {@code 60s}.
 * @param readTimeout {@code toolwire.hamsa.read-timeout}: how long to wait for an answer.
 *     Default {@code 30s}.
 * @param pageSize {@code toolwire.hamsa.page-size}: tools per list page ({@code take}).
 *     Default {@code 50}.
 * @param healthCheckInterval {@code toolwire.hamsa.health-check-interval}: how often a running
 *     server with an API key asks Hamsa for one page of web tools, so the {@code hamsa} health entry
 *     says whether Hamsa was reachable at the last check even between syncs. Default {@code 5m};
 *     {@code 0s} turns the check off.
 */
@ConfigurationProperties(HamsaConfiguration.PREFIX)
public record HamsaConfiguration(
        @Nullable String collectionId,
        @Nullable String apiKey,
        @Nullable URI baseUrl,
        @Bindable(defaultValue = "100") int requestsPerMinute,
        @Bindable(defaultValue = "4") int maxAttempts,
        @Bindable(defaultValue = "1s") Duration backoff,
        @Bindable(defaultValue = "30s") Duration maxBackoff,
        @Bindable(defaultValue = "60s") Duration maxRetryWait,
        @Bindable(defaultValue = "30s") Duration readTimeout,
        @Bindable(defaultValue = "50") int pageSize,
        @Bindable(defaultValue = "5m") Duration healthCheckInterval) {

    /** The property prefix, {@value}. */
    public static final String PREFIX = "toolwire.hamsa";

    /** The base URL used when none is configured, {@value}. */
    public static final String DEFAULT_BASE_URL = "https://api.tryhamsa.com";

    /** Masks the API key. */
    @Override
    public String toString() {
        return "HamsaConfiguration[collectionId=" + collectionId + ", apiKey=" + (apiKey == null ? "unset" : "****")
                + ", baseUrl=" + baseUrl + ", requestsPerMinute=" + requestsPerMinute + ", maxAttempts=" + maxAttempts
                + ", backoff=" + backoff + ", maxBackoff=" + maxBackoff + ", maxRetryWait=" + maxRetryWait
                + ", readTimeout=" + readTimeout + ", pageSize=" + pageSize
                + ", healthCheckInterval=" + healthCheckInterval + "]";
    }
}
