package dev.toolwire.runtime.sync;

import org.jspecify.annotations.Nullable;

/**
 * A sync that could not run: bad configuration (no public URL, no API key, the key refused, auth not
 * configured), which exits {@code 2}, or Hamsa unreachable while planning, which exits {@code 1}.
 * Messages name the property to change and never contain a secret.
 */
public final class ToolSyncException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean configuration;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to fix it
     * @param configuration whether the configuration is at fault
     * @param cause the cause, or null
     */
    public ToolSyncException(String message, boolean configuration, @Nullable Throwable cause) {
        super(message, cause);
        this.configuration = configuration;
    }

    /**
     * Creates a configuration error.
     *
     * @param message what is wrong and which property fixes it
     * @return the exception
     */
    public static ToolSyncException configuration(String message) {
        return new ToolSyncException(message, true, null);
    }

    /**
     * Whether the configuration is at fault (exit code {@code 2}) rather than the platform ({@code 1}).
     *
     * @return whether this is a configuration error
     */
    public boolean isConfiguration() {
        return configuration;
    }

    /**
     * The command-line exit code for this failure.
     *
     * @return {@code 2} for configuration errors, else {@code 1}
     */
    public int exitCode() {
        return configuration ? 2 : 1;
    }
}
