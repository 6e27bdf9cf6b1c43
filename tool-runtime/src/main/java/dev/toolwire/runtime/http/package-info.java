/**
 * Internal: serves every tool at its descriptor's method and path through one handler, adds the
 * {@code X-Request-Id} header to every response, and answers errors (including Micronaut's own
 * 404, 405, 413, 415 and 400 on tool routes and unmatched routes) with the Toolwire error envelope.
 */
@NullMarked
package dev.toolwire.runtime.http;

import org.jspecify.annotations.NullMarked;
