/**
 * Fixtures of {@code AsyncToolsTest} ({@code spec.name=AsyncToolsTest}): slow, non-blocking and
 * reactive tools, compiled by the real generator.
 */
package dev.toolwire.runtime.http.slow;
