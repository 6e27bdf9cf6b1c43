package dev.toolwire.mcp;

import dev.toolwire.runtime.ToolException;
import dev.toolwire.runtime.ToolwireConfiguration;
import dev.toolwire.runtime.auth.ToolAuthenticator;
import dev.toolwire.runtime.invoke.DefaultToolRegistry;
import dev.toolwire.runtime.invoke.RegisteredTool;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may do what over MCP, decided as for HTTP calls: the credential of a request (a bearer token
 * whose scope names a tool or {@code tool:*}, or the configured header) is checked against each tool
 * by the application's {@link ToolAuthenticator}. A request allowed no tool at all is refused on the
 * transport with {@code 401}, whose {@code WWW-Authenticate} points at this resource's metadata
 * (RFC 9728, as MCP's authorization specification asks); the tool list shows a caller only the tools
 * it may call.
 */
@Singleton
@Requires(property = McpConfiguration.PREFIX + ".enabled", value = "true")
@Internal
public final class McpAccess {

    /** Where the protected-resource metadata is served, by RFC 9728. */
    static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

    private final DefaultToolRegistry registry;
    private final ToolAuthenticator authenticator;
    private final McpConfiguration config;
    private final ToolwireConfiguration toolwire;

    McpAccess(DefaultToolRegistry registry, ToolAuthenticator authenticator, McpConfiguration config,
            ToolwireConfiguration toolwire) {
        this.registry = registry;
        this.authenticator = authenticator;
        this.config = config;
        this.toolwire = toolwire;
    }

    /**
     * The tools served over MCP: every tool, a job tool's status tool included.
     *
     * @return the tools, by name
     */
    List<RegisteredTool> tools() {
        return registry.all();
    }

    /**
     * The tools a request's credential may call.
     *
     * @param request the HTTP request
     * @return their names, in registry order; empty when it may call none
     */
    Set<String> allowed(HttpRequest<?> request) {
        Set<String> allowed = new LinkedHashSet<>();
        for (RegisteredTool tool : tools()) {
            if (allows(request, tool)) {
                allowed.add(tool.name());
            }
        }
        return allowed;
    }

    /**
     * Whether a request's credential may call any tool at all; stops at the first it may.
     *
     * @param request the HTTP request
     * @return {@code false} when the transport refuses it
     */
    boolean allowsAny(HttpRequest<?> request) {
        return tools().stream().anyMatch(tool -> allows(request, tool));
    }

    private boolean allows(HttpRequest<?> request, RegisteredTool tool) {
        try {
            authenticator.authenticate(request, tool);
            return true;
        } catch (ToolException refused) {
            return false;
        }
    }

    /**
     * The {@code WWW-Authenticate} value of a refused MCP request.
     *
     * @param request the request
     * @return a bearer challenge naming the resource metadata
     */
    String challenge(HttpRequest<?> request) {
        return "Bearer realm=\"toolwire\", resource_metadata=\"" + base(request) + METADATA_PATH + "\"";
    }

    /**
     * This MCP endpoint's URL, as the resource metadata names it.
     *
     * @param request a request that reached this server
     * @return the URL
     */
    String resource(HttpRequest<?> request) {
        return base(request) + config.path();
    }

    /** The public URL when configured, else the scheme and host the request was sent to. */
    private String base(HttpRequest<?> request) {
        URI configured = toolwire.publicUrl();
        if (configured != null) {
            String text = configured.toString();
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        return (request.isSecure() ? "https://" : "http://") + (host == null ? "localhost" : host);
    }

    /**
     * The scopes a token can carry, one per tool, for the resource metadata.
     *
     * @return {@code tool:<name>} for every tool, then {@code tool:*}
     */
    List<String> scopes() {
        List<String> scopes = new ArrayList<>(tools().stream().map(tool -> "tool:" + tool.name()).toList());
        scopes.add("tool:*");
        return scopes;
    }
}
