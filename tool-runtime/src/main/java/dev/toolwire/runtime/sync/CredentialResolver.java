package dev.toolwire.runtime.sync;

import dev.toolwire.annotations.AuthMode;
import dev.toolwire.runtime.auth.AuthModes;
import dev.toolwire.runtime.auth.BearerTokens;
import dev.toolwire.runtime.auth.ToolCredentials;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.hamsa.WebTool;
import io.micronaut.core.annotation.Internal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The credentials a tool's web-tool body carries: for JWT tools {@code authToken: "Bearer <jwt>"}
 * scoped to that tool, reusing the token already stored in Hamsa while this server accepts it for
 * long enough (so an unchanged tool stays unchanged); for header tools the header in
 * {@code httpHeaders}; nothing for tools without auth. The sync and {@code describe --format hamsa}
 * both publish through here, so they agree with each other and with what the server accepts.
 */
@Internal
public final class CredentialResolver {

    /**
     * What to put in the body.
     *
     * @param authToken {@code Bearer <jwt>} for JWT tools
     * @param httpHeaders the auth header for header tools
     */
    public record Auth(@Nullable String authToken, @Nullable Map<String, String> httpHeaders) {}

    private final ToolCredentials credentials;
    private final Duration ttl;
    private final Duration minRemaining;

    /**
     * Creates the resolver.
     *
     * @param credentials where tokens and header values come from
     * @param ttl the lifetime of a newly minted token
     * @param minRemaining how long a stored token must still be accepted to be kept
     */
    public CredentialResolver(ToolCredentials credentials, Duration ttl, Duration minRemaining) {
        this.credentials = credentials;
        this.ttl = ttl;
        this.minRemaining = minRemaining;
    }

    /**
     * The credentials for a tool.
     *
     * @param tool the tool
     * @param remote the tool as Hamsa has it, whose token is kept while still good; null for none
     * @return the auth fields of its body
     * @throws ToolSyncException a configuration error when no publishable credential is configured
     *     (only an ephemeral key, or only JWKS public keys); the message names the property to set
     */
    public Auth resolve(ToolDescriptor tool, @Nullable WebTool remote) {
        try {
            return resolveOrThrow(tool, remote);
        } catch (IllegalStateException unpublishable) {
            throw new ToolSyncException("Cannot publish credentials for '" + tool.name() + "': "
                    + unpublishable.getMessage(), true, unpublishable);
        }
    }

    private Auth resolveOrThrow(ToolDescriptor tool, @Nullable WebTool remote) {
        AuthMode mode = credentials.effectiveMode(AuthModes.of(tool));
        switch (mode) {
            case JWT -> {
                String stored = remote == null || remote.toolSettings() == null ? null : remote.toolSettings().authToken();
                String token = stored != null && !stored.isBlank() && credentials.accepts(stored, tool.name(), minRemaining)
                        ? BearerTokens.withoutPrefix(stored)
                        : credentials.issueToken(List.of(tool.name()), ttl);
                return new Auth("Bearer " + token, null);
            }
            case HEADER -> {
                ToolCredentials.HeaderCredential header = credentials.headerCredential();
                return new Auth(null, Map.of(header.name(), header.value()));
            }
            default -> {
                return new Auth(null, null);
            }
        }
    }
}
