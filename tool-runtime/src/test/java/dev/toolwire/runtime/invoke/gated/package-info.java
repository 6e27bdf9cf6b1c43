/**
 * Fixtures of the job-limit and shutdown tests ({@code spec.name=GatedTools}): job-mode, plain and
 * retry-safe tools that wait for the test to open their gate, compiled by the real generator.
 */
package dev.toolwire.runtime.invoke.gated;
