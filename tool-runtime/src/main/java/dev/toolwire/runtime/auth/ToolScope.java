package dev.toolwire.runtime.auth;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The tools a token allows, from its space-separated {@code scope} claim: {@code tool:<name>} allows
 * exactly that tool and {@code tool:*} every tool. Names are compared whole, so {@code tool:lookup}
 * allows nothing of {@code lookup_customer}.
 *
 * @param scopes the scope values
 */
record ToolScope(Set<String> scopes) {

    /** The scope prefix of a tool. */
    static final String PREFIX = "tool:";
    /** The scope that allows every tool. */
    static final String ALL = PREFIX + "*";

    ToolScope {
        scopes = Set.copyOf(scopes);
    }

    /**
     * Reads a {@code scope} claim.
     *
     * @param claim the claim value; anything but a string allows nothing
     * @return the scope
     */
    static ToolScope parse(@Nullable Object claim) {
        if (!(claim instanceof String text) || text.isBlank()) {
            return new ToolScope(Set.of());
        }
        return new ToolScope(new HashSet<>(Arrays.asList(text.strip().split("\\s+"))));
    }

    boolean allows(String toolName) {
        return !toolName.isEmpty() && (scopes.contains(ALL) || scopes.contains(PREFIX + toolName));
    }
}
