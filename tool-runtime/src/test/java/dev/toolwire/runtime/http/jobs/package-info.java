/**
 * Fixtures of {@code JobsAndRetriesTest} ({@code spec.name=JobsAndRetriesTest}): job-mode and
 * retry-safe tools, compiled by the real generator.
 */
package dev.toolwire.runtime.http.jobs;
