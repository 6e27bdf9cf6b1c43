/**
 * Authentication of tool calls: JWT and header credentials, and the credentials published to
 * platforms. Internal.
 */
package dev.toolwire.runtime.auth;
