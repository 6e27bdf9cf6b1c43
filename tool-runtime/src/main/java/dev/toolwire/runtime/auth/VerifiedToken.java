package dev.toolwire.runtime.auth;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a verified token says.
 *
 * @param subject the {@code sub} claim, if any
 * @param scope the tools it allows
 * @param expiresAt its {@code exp}
 */
record VerifiedToken(@Nullable String subject, ToolScope scope, Instant expiresAt) {}
