package dev.toolwire.redis;

import dev.toolwire.runtime.store.Digests;

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
        return new RedisScript(text, Digests.sha1Hex(text));
    }
}
