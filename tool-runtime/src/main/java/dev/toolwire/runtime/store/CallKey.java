package dev.toolwire.runtime.store;

/**
 * The identity of a call of a retry-safe tool, as the {@link RetryMemory} keys it.
 *
 * @param caller whose quota the call counts against: the authenticated subject, or a fixed name for
 *     calls without one
 * @param call the tool's name and a digest of its arguments, {@code <tool>|<sha-256 hex>}
 */
public record CallKey(String caller, String call) {}
