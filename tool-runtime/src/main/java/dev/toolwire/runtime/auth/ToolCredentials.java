package dev.toolwire.runtime.auth;

import dev.toolwire.annotations.AuthMode;
import io.micronaut.core.annotation.Internal;
import java.time.Duration;
import java.util.Collection;

/**
 * The credentials a platform must send to call a tool, in the form it stores them: a bearer token
 * for JWT tools, a header for header tools. The {@code token} command, {@code describe --format hamsa}
 * and the Hamsa sync all get them here, so what is published is exactly what the server accepts.
 */
@Internal
public interface ToolCredentials {

    /**
     * The mode a tool is really served with.
     *
     * @param declared the tool's {@code @Tool(auth)}
     * @return {@code declared}, or the configured {@code toolwire.auth.default} when it is {@link AuthMode#DEFAULT}
     */
    AuthMode effectiveMode(AuthMode declared);

    /**
     * Signs a JWT that allows exactly the given tools ({@code scope: "tool:a tool:b"}), whose
     * {@code sub} names the tools: {@code hamsa/<tool>} for one tool, {@code hamsa/<a>+<b>} for several
     * ({@code hamsa/*} for all). Each tool's token is so a caller of its own: rate limits, job status
     * and retry memory, all kept per caller, never mix two tools' calls.
     *
     * @param toolNames the tools the token may call; {@code *} for all
     * @param ttl how long the token is valid
     * @return the compact JWT, without a {@code Bearer } prefix
     * @throws IllegalStateException when no secret is configured: only the ephemeral key of a local
     *     start (a token signed with it dies with the process) or only JWKS public keys (nothing to
     *     sign with); the message names {@code toolwire.auth.jwt.secret}, ready to show to the user
     */
    default String issueToken(Collection<String> toolNames, Duration ttl) {
        return issueToken(subjectFor(toolNames), toolNames, ttl);
    }

    /**
     * Signs a JWT that allows exactly the given tools, with the given {@code sub}.
     *
     * @param subject the {@code sub} claim: who the caller is, for per-caller limits and isolation
     * @param toolNames the tools the token may call; {@code *} for all
     * @param ttl how long the token is valid
     * @return the compact JWT, without a {@code Bearer } prefix
     * @throws IllegalStateException when no secret is configured (see {@link #issueToken(Collection, Duration)})
     */
    String issueToken(String subject, Collection<String> toolNames, Duration ttl);

    /**
     * The {@code sub} of a token minted for Hamsa to call these tools.
     *
     * @param toolNames the tools
     * @return {@code hamsa/} followed by the sorted names joined with {@code +}
     */
    static String subjectFor(Collection<String> toolNames) {
        return "hamsa/" + String.join("+", toolNames.stream().distinct().sorted().toList());
    }

    /**
     * Whether this server would accept a token for a tool now and for at least {@code remaining} more:
     * signed by a current key, right issuer and audience, and the tool in scope. Lets a sync keep a
     * still-valid token instead of minting a new one on every deploy.
     *
     * @param token a compact JWT, with or without a {@code Bearer } prefix
     * @param toolName the tool
     * @param remaining the validity the token must still have
     * @return whether the token is usable
     */
    boolean accepts(String token, String toolName, Duration remaining);

    /**
     * The header a platform sends for {@link AuthMode#HEADER} tools.
     *
     * @return the configured header name and the first accepted value
     * @throws IllegalStateException when no value is configured (only the ephemeral one of a local
     *     start); the message names {@code toolwire.auth.header.values}
     */
    HeaderCredential headerCredential();

    /**
     * A header name and value.
     *
     * @param name the header name, {@code X-API-Key} unless configured
     * @param value the value to send
     */
    record HeaderCredential(String name, String value) {}
}
