package dev.toolwire.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * Credentials to call this application's tools from inside its own process: a test, a local page,
 * a warm-up. Tokens are signed with the configured secret (or the ephemeral key of a local start)
 * and the header value is the first accepted one; nothing here is ever published. Never log what
 * it returns.
 *
 * @since 0.1
 */
public interface LocalToolCredentials {

    /**
     * The headers a caller sends to call one tool: {@code Authorization: Bearer <token>} scoped to
     * that tool for a JWT tool, the configured header for a header tool, none for an open one.
     *
     * @param toolName the tool
     * @param subject the {@code sub} of the token (who the caller is, for per-caller limits)
     * @param ttl how long a token stays valid
     * @return the headers, possibly empty
     * @throws IllegalArgumentException when there is no such tool
     * @throws IllegalStateException when a token is needed and nothing here can sign one (only JWKS
     *     public keys configured)
     */
    Map<String, String> headersFor(String toolName, String subject, Duration ttl);

    /**
     * A bearer token this application accepts for the given tools.
     *
     * @param subject its {@code sub}
     * @param toolNames the tools it may call, {@code *} for all
     * @param ttl how long it stays valid
     * @return the compact JWT, without {@code Bearer }
     * @throws IllegalStateException when nothing here can sign one (only JWKS public keys configured)
     */
    String token(String subject, Collection<String> toolNames, Duration ttl);
}
