package dev.toolwire.runtime.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * SHA-256 digests of secrets: the only form in which a key, token or header value is ever compared,
 * cached or named in a log line.
 */
final class Fingerprints {

    /** Copied for each digest: a copy is cheaper than asking the security providers again. */
    private static final MessageDigest SHA_256 = sha256Digest();

    private Fingerprints() {}

    static byte[] sha256(byte[] value) {
        try {
            return ((MessageDigest) SHA_256.clone()).digest(value);
        } catch (CloneNotSupportedException e) {
            return sha256Digest().digest(value);
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    static byte[] sha256(String value) {
        return sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A cache or map key for a secret: its whole digest, URL-safe Base64. */
    static String key(String secret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(secret));
    }

    /** A short name for a key in logs and {@code kid} headers: the first 8 bytes of its digest, in hex. */
    static String shortName(byte[] secret) {
        return HexFormat.of().formatHex(sha256(secret), 0, 8);
    }
}
