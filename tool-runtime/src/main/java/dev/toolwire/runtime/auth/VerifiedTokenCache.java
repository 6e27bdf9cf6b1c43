package dev.toolwire.runtime.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Tokens already verified, keyed by the SHA-256 of the token (never the token), least recently used
 * evicted first. An entry is dropped at the token's {@code exp}, and at the latest after
 * {@link #MAX_AGE}, so a key removed from the JWKS or the configuration stops being honoured soon.
 */
final class VerifiedTokenCache {

    /** How many tokens are remembered. */
    static final int DEFAULT_CAPACITY = 1024;
    /** The longest a verification is trusted without checking the token again. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private record CachedToken(VerifiedToken token, Instant until) {}

    private final Map<String, CachedToken> entries;

    VerifiedTokenCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CachedToken> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized @Nullable VerifiedToken get(String key, Instant now) {
        CachedToken entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!now.isBefore(entry.until())) {
            entries.remove(key);
            return null;
        }
        return entry.token();
    }

    synchronized void put(String key, VerifiedToken token, Instant now) {
        Instant cap = now.plus(MAX_AGE);
        Instant until = token.expiresAt().isBefore(cap) ? token.expiresAt() : cap;
        if (now.isBefore(until)) {
            entries.put(key, new CachedToken(token, until));
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
