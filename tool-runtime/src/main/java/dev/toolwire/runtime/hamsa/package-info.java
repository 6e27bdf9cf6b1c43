/**
 * Internal: how a tool descriptor maps to a Hamsa web tool ({@code type: FUNCTION}), shared by the
 * {@code describe --format hamsa} command and, later, the sync.
 */
@NullMarked
package dev.toolwire.runtime.hamsa;

import org.jspecify.annotations.NullMarked;
