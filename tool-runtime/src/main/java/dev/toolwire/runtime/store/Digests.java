package dev.toolwire.runtime.store;

import io.micronaut.core.annotation.Internal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one place that digests: SHA-256 of secrets (so they are compared, cached and logged only as
 * digests), of call arguments (retry-memory keys) and of names in Redis keys, and SHA-1 where Redis
 * itself names a script by it.
 */
@Internal
public final class Digests {

    /** Copied for each digest: a copy is cheaper than asking the security providers again. */
    private static final MessageDigest SHA_256 = digest("SHA-256");

    private Digests() {}

    /**
     * SHA-256.
     *
     * @param value the bytes
     * @return the 32-byte digest
     */
    public static byte[] sha256(byte[] value) {
        try {
            return ((MessageDigest) SHA_256.clone()).digest(value);
        } catch (CloneNotSupportedException e) {
            return digest("SHA-256").digest(value);
        }
    }

    /**
     * SHA-256 of a text's UTF-8 bytes.
     *
     * @param text the text
     * @return the 32-byte digest
     */
    public static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * SHA-256 in lower-case hex.
     *
     * @param value the bytes
     * @param bytes how many leading bytes of the digest to write, 1 to 32
     * @return {@code 2 * bytes} hex digits
     */
    public static String sha256Hex(byte[] value, int bytes) {
        return HexFormat.of().formatHex(sha256(value), 0, bytes);
    }

    /**
     * SHA-1 of a text in lower-case hex, for Redis's script names ({@code EVALSHA}); never for secrets.
     *
     * @param text the text
     * @return 40 hex digits
     */
    public static String sha1Hex(String text) {
        return HexFormat.of().formatHex(digest("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has " + algorithm, e);
        }
    }
}
