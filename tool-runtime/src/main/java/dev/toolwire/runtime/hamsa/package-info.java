/**
 * Internal: a client of Hamsa's web-tool REST API. It speaks Hamsa's DTOs only and knows nothing of
 * tools or descriptors; the {@code sync} package maps descriptors to these DTOs.
 */
@NullMarked
package dev.toolwire.runtime.hamsa;

import org.jspecify.annotations.NullMarked;
