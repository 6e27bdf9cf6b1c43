package dev.toolwire.runtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How Toolwire talks to the Hamsa REST API ({@code toolwire.hamsa.*}).
 *
 * @param agents {@code toolwire.hamsa.agents}: ids of the voice agents every tool of the application is
 *     attached to by the sync (besides those named with {@code sync --agent}). Empty by default. Agents
 *     that use an older version of one of the application's tools are re-pointed whether listed or not.
 * @param collectionId {@code toolwire.hamsa.collection-id}: the Hamsa collection to file the tools
 *     in, sent as {@code collectionId}. Unset by default: tools are filed in no collection, and the
 *     collection of a remote tool is not compared.
 * @param apiKey {@code toolwire.hamsa.api-key}: the project's API key, sent as
 *     {@code Authorization: Token <key>}; a value that already starts with {@code Token } is accepted.
 *     Unset by default; the environment variable {@code HAMSA_API_KEY} is used then. Never logged.
 * @param baseUrl {@code toolwire.hamsa.base-url}: the API's base URL. Unset by default: the
 *     environment variable {@code HAMSA_BASE_URL}, else {@code https://api.tryhamsa.com}.
 * @param dialect {@code toolwire.hamsa.dialect}: which of Hamsa's two documented API shapes to speak:
 *     {@code reference} (the API reference pages: {@code /v2/voice-agents/web-tool}, nested
 *     {@code toolSettings}), {@code guide} (the integration guides: {@code /v2/web-tool}, a flat body)
 *     or {@code auto}, which asks the reference list path first and the guide's when that is 404, and
 *     keeps what answered for the run. Default {@code auto}.
 * @param requestsPerMinute {@code toolwire.hamsa.requests-per-minute}: the client paces itself to at
 *     most this many requests per minute. Hamsa allows 100 per key; the default leaves the rest to the
 *     key's other users (dashboards, scripts). Default {@code 60}.
 * @param maxAttempts {@code toolwire.hamsa.max-attempts}: attempts per request, the first included,
 *     when (for reads and activation changes) Hamsa answers 5xx or the connection fails. Default
 *     {@code 4}. A 429 is not counted: it is waited out within {@code max-wait}.
 * @param backoff {@code toolwire.hamsa.backoff}: the first retry delay after a 5xx or I/O error;
 *     it doubles on each attempt, with jitter. Default {@code 1s}.
 * @param maxBackoff {@code toolwire.hamsa.max-backoff}: the longest retry delay. Default {@code 30s}.
 * @param maxWait {@code toolwire.hamsa.max-wait}: how long one run (a sync) may spend in total waiting
 *     as Hamsa's 429 {@code Retry-After} (else {@code X-RateLimit-Reset}) or an exhausted
 *     {@code X-RateLimit-Remaining} asks; a wait beyond what is left fails that request. Default
 *     {@code 5m}.
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
        @Bindable(defaultValue = "") List<String> agents,
        @Nullable String collectionId,
        @Nullable String apiKey,
        @Nullable URI baseUrl,
        @Bindable(defaultValue = "auto") String dialect,
        @Bindable(defaultValue = "60") int requestsPerMinute,
        @Bindable(defaultValue = "4") int maxAttempts,
        @Bindable(defaultValue = "1s") Duration backoff,
        @Bindable(defaultValue = "30s") Duration maxBackoff,
        @Bindable(defaultValue = "5m") Duration maxWait,
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
        return "HamsaConfiguration[agents=" + agents + ", collectionId=" + collectionId + ", apiKey=" + (apiKey == null ? "unset" : "****")
                + ", baseUrl=" + baseUrl + ", dialect=" + dialect + ", requestsPerMinute=" + requestsPerMinute
                + ", maxAttempts=" + maxAttempts + ", backoff=" + backoff + ", maxBackoff=" + maxBackoff + ", maxWait=" + maxWait
                + ", readTimeout=" + readTimeout + ", pageSize=" + pageSize
                + ", healthCheckInterval=" + healthCheckInterval + "]";
    }
}
