/** Fixtures of {@code StartupFailureTest}: two tools on one route. */
package dev.toolwire.runtime.invoke.clash;
