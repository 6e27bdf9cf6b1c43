/**
 * Toolwire's MCP server: every tool served over the Model Context Protocol's Streamable HTTP
 * transport at {@code toolwire.mcp.path}, built on the official MCP Java SDK, with calls going through
 * the same invoker as HTTP calls. Off unless {@code toolwire.mcp.enabled=true}.
 */
@NullMarked
package dev.toolwire.mcp;

import org.jspecify.annotations.NullMarked;
