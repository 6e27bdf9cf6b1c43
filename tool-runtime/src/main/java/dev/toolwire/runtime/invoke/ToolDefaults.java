package dev.toolwire.runtime.invoke;

import dev.toolwire.annotations.AuthMode;
import org.jspecify.annotations.Nullable;

/**
 * The application's settings for what a descriptor leaves open.
 *
 * @param auth {@code toolwire.auth.default}: the mode of tools declared {@code @Tool(auth = DEFAULT)}
 * @param naming {@code toolwire.naming}: how results are named, {@code snake_case} or {@code as_is}; {@code null}
 *     to name each tool's results as its arguments are (the naming it was compiled with)
 */
record ToolDefaults(AuthMode auth, @Nullable String naming) {}
