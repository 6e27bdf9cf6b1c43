/**
 * The public annotations of Toolwire: {@link dev.toolwire.annotations.Tool} marks a bean method as a
 * voice-agent tool and {@link dev.toolwire.annotations.ToolParam} describes its arguments.
 *
 * <p>Add this artifact as a dependency and to {@code annotationProcessorPaths} (next to
 * {@code micronaut-inject-java}) so the generator runs at compile time.
 */
package dev.toolwire.annotations;
