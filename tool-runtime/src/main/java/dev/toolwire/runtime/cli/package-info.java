/**
 * Internal: the picocli commands behind {@link dev.toolwire.runtime.Toolwire#run(Class, String...)},
 * and {@link dev.toolwire.runtime.cli.CommandContribution}, through which other modules add theirs.
 */
@NullMarked
package dev.toolwire.runtime.cli;

import org.jspecify.annotations.NullMarked;
