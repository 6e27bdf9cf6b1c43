/** Internal: the picocli commands behind {@link dev.toolwire.runtime.Toolwire#run(Class, String...)}. */
@NullMarked
package dev.toolwire.runtime.cli;

import org.jspecify.annotations.NullMarked;
