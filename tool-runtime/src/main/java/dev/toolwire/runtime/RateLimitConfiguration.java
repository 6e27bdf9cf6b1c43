package dev.toolwire.runtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Inbound rate limiting of tool calls, per credential ({@code toolwire.rate-limit.*}): per JWT
 * subject, per header value, or per remote address for tools without authentication.
 *
 * @param enabled {@code toolwire.rate-limit.enabled}: whether calls are limited. Default
 *     {@code false}.
 * @param requestsPerMinute {@code toolwire.rate-limit.requests-per-minute}: calls allowed per
 *     credential in each one-minute window; more are answered {@code 429 RATE_LIMITED}. Default
 *     {@code 120}.
 * @param maxTrackedCallers {@code toolwire.rate-limit.max-tracked-callers}: how many credentials are
 *     tracked at once; idle ones are forgotten first. Default {@code 10000}.
 */
@ConfigurationProperties(RateLimitConfiguration.PREFIX)
public record RateLimitConfiguration(
        @Bindable(defaultValue = "false") boolean enabled,
        @Bindable(defaultValue = "120") int requestsPerMinute,
        @Bindable(defaultValue = "10000") int maxTrackedCallers) {

    /** The property prefix, {@value}. */
    public static final String PREFIX = "toolwire.rate-limit";
}
