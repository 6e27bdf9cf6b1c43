/**
 * The public API of the Toolwire runtime: {@link dev.toolwire.runtime.Toolwire} starts an
 * application or runs a command, tools throw {@link dev.toolwire.runtime.ToolException} for
 * business failures and may receive a {@link dev.toolwire.runtime.ToolContext}, and the
 * configuration records describe the {@code toolwire.*} properties.
 *
 * <p>Every other package of this module is internal and may change without notice.
 */
@NullMarked
package dev.toolwire.runtime;

import org.jspecify.annotations.NullMarked;
