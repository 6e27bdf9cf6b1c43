package dev.toolwire.runtime.descriptor;

import io.micronaut.core.annotation.Internal;

/**
 * A descriptor cannot be used: unreadable, of an unknown version, a duplicate, or without a bean to
 * call. Thrown at startup; the message names the tool or file and says how to fix it.
 */
@Internal
public final class DescriptorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to fix it
     */
    public DescriptorException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong and how to fix it
     * @param cause the underlying failure
     */
    public DescriptorException(String message, Throwable cause) {
        super(message, cause);
    }
}
