/**
 * Internal: the tools written in other formats for the {@code export} command: OpenAI function
 * definitions, an MCP {@code tools/list} result and an OpenAPI 3.1 document.
 */
@NullMarked
package dev.toolwire.devtools.export;

import org.jspecify.annotations.NullMarked;
