/**
 * Internal, HTTP-free: the tool registry (descriptors joined with their bean methods), and the call
 * pipeline shared by the HTTP routes and the {@code call} command: merge and coerce arguments,
 * fill defaults, validate against the schema, bind to Java types, invoke, and shape the result or
 * the error envelope.
 */
@NullMarked
package dev.toolwire.runtime.invoke;

import org.jspecify.annotations.NullMarked;
