/**
 * Internal: Toolwire's compile-time generator. {@link dev.toolwire.processor.ToolVisitor} reads
 * {@code @Tool} methods through Micronaut's {@code ClassElement} API and writes one JSON descriptor per
 * tool to {@code META-INF/toolwire/tools/<name>.json}; {@link dev.toolwire.processor.ToolTransformer}
 * makes {@code @Tool} methods executable without reflection.
 *
 * <p>Nothing in this package is API: it has no compatibility guarantees and may change in any
 * release. The contract with the runtime is the descriptor format, documented in
 * {@code docs/descriptor-format.md}.
 */
package dev.toolwire.processor;
