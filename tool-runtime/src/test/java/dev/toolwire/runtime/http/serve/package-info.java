/**
 * Fixtures of {@code ServeToolsTest} and {@code ToolErrorsTest} (both run with
 * {@code spec.name=ServeToolsTest}): real tools compiled by the real generator.
 */
package dev.toolwire.runtime.http.serve;
