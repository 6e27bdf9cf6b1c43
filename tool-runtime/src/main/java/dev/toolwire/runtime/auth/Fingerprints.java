package dev.toolwire.runtime.auth;

import dev.toolwire.runtime.store.Digests;
import java.util.Base64;

/**
 * SHA-256 digests of secrets: the only form in which a key, token or header value is ever compared,
 * cached or named in a log line.
 */
final class Fingerprints {

    private Fingerprints() {}

    static byte[] sha256(byte[] value) {
        return Digests.sha256(value);
    }

    static byte[] sha256(String value) {
        return Digests.sha256(value);
    }

    /** A cache or map key for a secret: its whole digest, URL-safe Base64. */
    static String key(String secret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(secret));
    }

    /** A short name for a key in logs and {@code kid} headers: the first 8 bytes of its digest, in hex. */
    static String shortName(byte[] secret) {
        return Digests.sha256Hex(secret, 8);
    }
}
