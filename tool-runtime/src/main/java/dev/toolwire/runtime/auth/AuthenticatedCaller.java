package dev.toolwire.runtime.auth;

import io.micronaut.core.annotation.Internal;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling a tool, once authenticated.
 *
 * @param subject what the tool sees as {@code ToolContext.subject()}: the token's {@code sub}, or
 *     {@code api-key#<n>} for the n-th accepted header value, or {@code null} without authentication
 * @param rateLimitKey the credential calls are counted against; never a secret itself
 */
@Internal
public record AuthenticatedCaller(@Nullable String subject, String rateLimitKey) {}
