package dev.toolwire.runtime.sync;

import dev.toolwire.annotations.AuthMode;
import dev.toolwire.runtime.auth.AuthModes;
import dev.toolwire.runtime.auth.BearerTokens;
import dev.toolwire.runtime.auth.ToolCredentials;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.hamsa.RemoteWebTool;
import io.micronaut.core.annotation.Internal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The credentials a tool's web-tool definition carries: for JWT tools {@code authToken: "Bearer <jwt>"}
 * scoped to that tool, reusing the token already stored in Hamsa while this server accepts it for
 * long enough (so an unchanged tool stays unchanged); for header tools the header; nothing for tools
 * without auth. The sync and {@code describe --format hamsa} both publish through here, so they agree
 * with each other and with what the server accepts.
 *
 * <p>Hamsa may answer stored credentials masked ({@code Bearer ****}). Such a credential is unknown
 * and assumed current: {@link Auth#remoteMasked()} tells the plan not to compare credentials, so
 * masking alone never causes an update (and a new token, and perhaps a new version) on every run.
 * A masked token is still replaced when the tool last changed longer ago than {@code token-ttl} less
 * {@code token-min-remaining}: it was minted then, so it expires soon.
 */
@Internal
public final class CredentialResolver {

    /**
     * What to put in the definition.
     *
     * @param authToken {@code Bearer <jwt>} for JWT tools
     * @param httpHeaders the auth header for header tools
     * @param remoteMasked whether the remote tool's credential was answered masked (not to be compared)
     */
    public record Auth(@Nullable String authToken, @Nullable Map<String, String> httpHeaders, boolean remoteMasked) {

        /** No credentials: tools without auth. */
        static final Auth NONE = new Auth(null, null, false);

        /** Masks the token and the header values. */
        @Override
        public String toString() {
            return "Auth[authToken=" + (authToken == null ? null : "****") + ", httpHeaders="
                    + (httpHeaders == null ? null : httpHeaders.keySet() + "=****") + ", remoteMasked=" + remoteMasked + "]";
        }
    }

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
     * The credentials for a tool, as published without a remote twin (a new tool, or an export).
     *
     * @param tool the tool
     * @return the auth fields of its definition
     * @throws ToolSyncException a configuration error when no publishable credential is configured
     *     (only an ephemeral key, or only JWKS public keys); the message names the property to set
     */
    public Auth resolve(ToolDescriptor tool) {
        return resolve(tool, null, false);
    }

    /**
     * The credentials for a tool.
     *
     * @param tool the tool
     * @param remote the tool as Hamsa has it, whose token is kept while still good; null for none
     * @param rotate whether to publish a fresh credential whatever is stored
     * @return the auth fields of its definition
     * @throws ToolSyncException a configuration error when no publishable credential is configured
     */
    public Auth resolve(ToolDescriptor tool, @Nullable RemoteWebTool remote, boolean rotate) {
        try {
            return resolveOrThrow(tool, remote, rotate);
        } catch (IllegalStateException unpublishable) {
            throw new ToolSyncException("Cannot publish credentials for '" + tool.name() + "': "
                    + unpublishable.getMessage(), true, unpublishable);
        }
    }

    private Auth resolveOrThrow(ToolDescriptor tool, @Nullable RemoteWebTool remote, boolean rotate) {
        AuthMode mode = credentials.effectiveMode(AuthModes.of(tool));
        switch (mode) {
            case JWT -> {
                String stored = remote == null ? null : remote.definition().authToken();
                if (!rotate && stored != null && !stored.isBlank() && credentials.accepts(stored, tool.name(), minRemaining)) {
                    return new Auth("Bearer " + BearerTokens.withoutPrefix(stored), null, false);
                }
                String fresh = "Bearer " + credentials.issueToken(List.of(tool.name()), ttl);
                boolean masked = !rotate && stored != null && MaskedSecrets.tokenLooksMasked(stored, fresh)
                        && !mayExpireSoon(remote);
                return new Auth(fresh, null, masked);
            }
            case HEADER -> {
                ToolCredentials.HeaderCredential header = credentials.headerCredential();
                String stored = remote == null ? null : remote.definition().httpHeaders().entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(header.name())).map(Map.Entry::getValue)
                        .findFirst().orElse(null);
                boolean masked = !rotate && stored != null && MaskedSecrets.valueLooksMasked(stored, header.value());
                return new Auth(null, Map.of(header.name(), header.value()), masked);
            }
            default -> {
                return Auth.NONE;
            }
        }
    }

    /**
     * Whether a masked token, minted when the tool last changed, may expire within
     * {@code token-min-remaining}: then it is replaced like any expiring token. Without a change time
     * nothing can be told, and the token is assumed current.
     */
    private boolean mayExpireSoon(@Nullable RemoteWebTool remote) {
        String changed = remote == null ? null : remote.updatedAt();
        if (changed == null) {
            return false;
        }
        try {
            return Instant.parse(changed).plus(ttl).minus(minRemaining).isBefore(Instant.now());
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
