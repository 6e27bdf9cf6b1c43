/**
 * Internal: the JSONPath of every value of a tool's result, which the {@code call} command prints
 * for a Hamsa flow. The {@code export} formats themselves are in {@code tool-devtools}.
 */
@NullMarked
package dev.toolwire.runtime.export;

import org.jspecify.annotations.NullMarked;
