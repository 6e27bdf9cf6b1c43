/** Fixtures of {@code ServeToolsTest}: real tools compiled by the real generator. */
package dev.toolwire.runtime.http.serve;
