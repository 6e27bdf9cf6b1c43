package dev.toolwire.runtime.sync;

import dev.toolwire.runtime.auth.BearerTokens;
import dev.toolwire.runtime.hamsa.WebToolDefinition;

/**
 * Tells a credential Hamsa answered masked from one it stores as it is. Masked means: mask characters
 * ({@code *}, {@code •}, {@code …}, {@code ...}) or blank; or, for a token, shorter than one we would
 * send and not even shaped like a JWT (a truncated {@code eyJhbGciOi}); or, for a header value,
 * shorter than ours and its start or end (a partial reveal). A real, readable credential that is
 * merely stale (an expiring token, a rotated header key) is not masked, so it is replaced.
 */
final class MaskedSecrets {

    private MaskedSecrets() {}

    static boolean tokenLooksMasked(String stored, String wouldSend) {
        String token = stored.strip();
        if (hasMaskCharacters(token)) {
            return true;
        }
        String bare = BearerTokens.withoutPrefix(token);
        return !isJwtShaped(bare) && token.length() < wouldSend.length();
    }

    static boolean valueLooksMasked(String stored, String wouldSend) {
        String value = stored.strip();
        if (value.equals(wouldSend)) {
            return false;
        }
        return hasMaskCharacters(value)
                || value.length() < wouldSend.length() && (wouldSend.startsWith(value) || wouldSend.endsWith(value));
    }

    /**
     * Whether the credentials a remote definition stores can be used as they are: a token shaped
     * like a JWT, header values without mask characters.
     */
    static boolean credentialsUsable(WebToolDefinition remote) {
        String token = remote.authToken();
        if (token != null) {
            String bare = BearerTokens.withoutPrefix(token);
            if (hasMaskCharacters(token.strip()) || !isJwtShaped(bare)) {
                return false;
            }
        }
        return remote.httpHeaders().values().stream().noneMatch(v -> hasMaskCharacters(v.strip()));
    }

    private static boolean hasMaskCharacters(String value) {
        return value.isEmpty() || value.indexOf('*') >= 0 || value.indexOf('\u2022') >= 0 || value.indexOf('\u2026') >= 0
                || value.contains("...");
    }

    private static boolean isJwtShaped(String token) {
        String[] parts = token.split("\\.", -1);
        return parts.length == 3 && !parts[0].isEmpty() && !parts[1].isEmpty();
    }
}
