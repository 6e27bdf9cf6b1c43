/**
 * Internal: the playground page, a local-only form per tool served from class-path resources when
 * {@code toolwire.playground.enabled} (by default only in the {@code dev} environment).
 */
@NullMarked
package dev.toolwire.devtools.playground;

import org.jspecify.annotations.NullMarked;
