/**
 * Authentication of tool calls: JWT and header credentials, the ephemeral keys of a local start,
 * and the credentials published to platforms ({@link dev.toolwire.runtime.auth.ToolCredentials}).
 * Internal.
 */
@NullMarked
package dev.toolwire.runtime.auth;

import org.jspecify.annotations.NullMarked;
