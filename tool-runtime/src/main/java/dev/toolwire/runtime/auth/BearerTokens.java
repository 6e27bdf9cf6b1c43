package dev.toolwire.runtime.auth;

import io.micronaut.core.annotation.Internal;
import org.jspecify.annotations.Nullable;

/** Reads {@code Bearer <token>} values: of an {@code Authorization} header, or a stored credential. */
@Internal
public final class BearerTokens {

    private static final String PREFIX = "Bearer ";

    private BearerTokens() {}

    /**
     * The token of a {@code Bearer <token>} value (the scheme in any case, spaces around ignored).
     *
     * @param value the value, or {@code null}
     * @return the token, or {@code null} when the value is not a bearer value
     */
    public static @Nullable String token(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? trimmed.substring(PREFIX.length()).strip() : null;
    }

    /**
     * A token with or without its {@code Bearer } prefix, without it.
     *
     * @param value the token, perhaps prefixed
     * @return the bare token
     */
    public static String withoutPrefix(String value) {
        String token = token(value);
        return token != null ? token : value.strip();
    }
}
