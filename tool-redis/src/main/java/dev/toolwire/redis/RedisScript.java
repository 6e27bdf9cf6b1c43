package dev.toolwire.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script run atomically on Redis, sent by its SHA-1 ({@code EVALSHA}) once Redis knows it.
 *
 * @param text the script
 * @param sha1 its SHA-1, in hex
 */
record RedisScript(String text, String sha1) {

    /**
     * A script and its digest.
     *
     * @param text the Lua text
     * @return the script
     */
    static RedisScript of(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return new RedisScript(text, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
