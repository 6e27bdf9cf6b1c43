package dev.toolwire.runtime.auth;

import dev.toolwire.runtime.store.ExpiringMap;
import java.time.Duration;
import java.time.Instant;
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

    private final ExpiringMap<String, VerifiedToken> entries;

    VerifiedTokenCache(int capacity) {
        this.entries = new ExpiringMap<>(capacity);
    }

    @Nullable VerifiedToken get(String key, Instant now) {
        return entries.get(key, now.toEpochMilli());
    }

    void put(String key, VerifiedToken token, Instant now) {
        Instant cap = now.plus(MAX_AGE);
        Instant until = token.expiresAt().isBefore(cap) ? token.expiresAt() : cap;
        entries.put(key, token, now.toEpochMilli(), until.toEpochMilli());
    }

    int size() {
        return entries.size();
    }
}
