/**
 * Internal: the developer commands {@code export} and {@code train}, added to the runtime's command
 * line by {@link dev.toolwire.devtools.cli.DevtoolsCommands}.
 */
@NullMarked
package dev.toolwire.devtools.cli;

import org.jspecify.annotations.NullMarked;
