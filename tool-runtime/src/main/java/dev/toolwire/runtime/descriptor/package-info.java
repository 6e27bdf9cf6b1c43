/**
 * Internal: the tool descriptors written by the compile-time generator under
 * {@code META-INF/toolwire/tools/<name>.json}, as records, and the loader that finds them on every
 * class-path root. See {@code docs/descriptor-format.md} for the format.
 */
@NullMarked
package dev.toolwire.runtime.descriptor;

import org.jspecify.annotations.NullMarked;
