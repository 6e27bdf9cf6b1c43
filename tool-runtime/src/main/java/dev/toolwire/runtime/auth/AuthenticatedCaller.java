package dev.toolwire.runtime.auth;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling a tool, once authenticated.
 *
 * @param subject what the tool sees as {@code ToolContext.subject()}: the token's {@code sub}, or
 *     {@code api-key#<n>} for the n-th accepted header value, or {@code null} without authentication
 * @param rateLimitKey the credential calls are counted against (rate limits, and the per-caller
 *     quotas of jobs and retry memory follow the subject); never a secret itself
 * @since 0.1
 */
public record AuthenticatedCaller(@Nullable String subject, String rateLimitKey) {

    /**
     * Checks the components.
     *
     * @param subject the subject, or {@code null}
     * @param rateLimitKey the rate-limit key
     */
    public AuthenticatedCaller {
        Objects.requireNonNull(rateLimitKey, "rateLimitKey");
    }

    /**
     * A caller known by a subject, counted against it.
     *
     * @param subject who is calling, e.g. a client certificate's distinguished name
     * @return the caller
     */
    public static AuthenticatedCaller of(String subject) {
        return new AuthenticatedCaller(Objects.requireNonNull(subject, "subject"), "sub:" + subject);
    }
}
