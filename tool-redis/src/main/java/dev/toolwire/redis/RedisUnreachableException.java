package dev.toolwire.redis;

/** Redis did not answer a command in time, or refused it: the call that needed it cannot go on. */
final class RedisUnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RedisUnreachableException(Throwable cause) {
        super("Redis is out of reach: " + cause.getMessage(), cause);
    }
}
