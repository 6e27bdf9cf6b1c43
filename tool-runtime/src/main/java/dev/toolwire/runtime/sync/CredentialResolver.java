package dev.toolwire.runtime.sync;

import dev.toolwire.annotations.AuthMode;
import dev.toolwire.runtime.auth.ToolCredentials;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.hamsa.WebTool;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The credentials a tool's web-tool body carries: for JWT tools {@code authToken: "Bearer <jwt>"}
 * scoped to that tool, reusing the token already stored in Hamsa while this server accepts it for
 * long enough (so an unchanged tool stays unchanged); for header tools the header in
 * {@code httpHeaders}; nothing for tools without auth.
 */
final class CredentialResolver {

    /** What to put in the body. */
    record Auth(@Nullable String authToken, @Nullable Map<String, String> httpHeaders) {}

    private final ToolCredentials credentials;
    private final Duration ttl;
    private final Duration minRemaining;

    CredentialResolver(ToolCredentials credentials, Duration ttl, Duration minRemaining) {
        this.credentials = credentials;
        this.ttl = ttl;
        this.minRemaining = minRemaining;
    }

    Auth resolve(ToolDescriptor tool, @Nullable WebTool remote) {
        AuthMode mode = credentials.effectiveMode(AuthMode.valueOf(tool.auth().toUpperCase(Locale.ROOT)));
        switch (mode) {
            case JWT -> {
                String stored = remote == null || remote.toolSettings() == null ? null : remote.toolSettings().authToken();
                String token = stored != null && !stored.isBlank() && credentials.accepts(stored, tool.name(), minRemaining)
                        ? stripBearer(stored)
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

    private static String stripBearer(String token) {
        String t = token.trim();
        return t.regionMatches(true, 0, "Bearer ", 0, 7) ? t.substring(7).trim() : t;
    }
}
