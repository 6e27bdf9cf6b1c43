/** Fixtures of an application that plugs into Toolwire's public extension points. */
@NullMarked
package dev.toolwire.runtime.extension;

import org.jspecify.annotations.NullMarked;
