package dev.toolwire.mcp;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The MCP endpoint's settings ({@code toolwire.mcp.*}).
 *
 * @param enabled {@code toolwire.mcp.enabled}: whether the endpoint is served; {@code false} by default
 * @param path {@code toolwire.mcp.path}: where, {@code /mcp} by default
 * @param maxSessions {@code toolwire.mcp.max-sessions}: how many sessions are kept at most; past it the
 *     one used least recently is forgotten (its client starts a new one)
 * @param sessionIdleTimeout {@code toolwire.mcp.session-idle-timeout}: a session unused this long is
 *     forgotten
 */
@ConfigurationProperties(McpConfiguration.PREFIX)
public record McpConfiguration(
        @Bindable(defaultValue = "false") boolean enabled,
        @Bindable(defaultValue = "/mcp") String path,
        @Bindable(defaultValue = "1000") int maxSessions,
        @Bindable(defaultValue = "30m") Duration sessionIdleTimeout) {

    /** The property prefix, {@value}. */
    public static final String PREFIX = "toolwire.mcp";
}
