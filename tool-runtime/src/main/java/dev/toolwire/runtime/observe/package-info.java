/**
 * What operators see of the tool calls. The HTTP handler reports every finished call once to each
 * {@link dev.toolwire.runtime.observe.ToolCallListener} bean; the built-in listeners write the
 * access log and the Micrometer meters, and an application may add its own (an audit trail, a
 * billing counter). {@code ToolCallListener}, {@code ToolCallRecord} and {@code CallOutcome} are
 * public API; the rest is internal.
 */
@NullMarked
package dev.toolwire.runtime.observe;

import org.jspecify.annotations.NullMarked;
