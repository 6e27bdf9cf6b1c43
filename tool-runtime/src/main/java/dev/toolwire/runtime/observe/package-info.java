/**
 * Internal: what operators see of the tool calls. The HTTP handler reports every finished call once
 * to each {@link dev.toolwire.runtime.observe.ToolCallListener}; the built-in listeners write the
 * access log and the Micrometer meters. The registry's health indicator lives here too.
 */
@NullMarked
package dev.toolwire.runtime.observe;

import org.jspecify.annotations.NullMarked;
