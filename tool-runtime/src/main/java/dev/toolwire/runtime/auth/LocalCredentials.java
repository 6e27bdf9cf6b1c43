package dev.toolwire.runtime.auth;

import dev.toolwire.annotations.AuthMode;
import dev.toolwire.runtime.HeaderAuthConfiguration;
import dev.toolwire.runtime.JwtConfiguration;
import dev.toolwire.runtime.LocalToolCredentials;
import dev.toolwire.runtime.ToolInfo;
import dev.toolwire.runtime.ToolRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpHeaders;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Credentials for callers inside this process only: the test client and the playground page. Unlike
 * {@link ToolCredentials}, which refuses to publish anything signed with an ephemeral key, these
 * are signed with whatever key this process verifies with, the ephemeral one of a local start
 * included, because they are used while this process runs and never leave it for a platform.
 * Never log what they return.
 */
@Singleton
@Internal
public final class LocalCredentials implements LocalToolCredentials {

    private final AuthKeys keys;
    private final String headerName;
    private final BeanProvider<ToolRegistry> registry;

    LocalCredentials(AuthKeys keys, HeaderAuthConfiguration header, BeanProvider<ToolRegistry> registry) {
        this.keys = keys;
        this.headerName = header.name();
        this.registry = registry;
    }

    @Override
    public Map<String, String> headersFor(String toolName, String subject, Duration ttl) {
        ToolInfo tool = registry.get().require(toolName);
        if (tool.auth() == AuthMode.JWT) {
            return Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + token(subject, List.of(toolName), ttl));
        }
        if (tool.auth() == AuthMode.HEADER) {
            ToolCredentials.HeaderCredential header = header();
            return Map.of(header.name(), header.value());
        }
        return Map.of();
    }

    /**
     * Signs a token this process accepts for the given tools.
     *
     * @param subject the token's {@code sub}, e.g. {@code tool-client} or {@code playground}
     * @param toolNames the tools in scope; {@code *} for all
     * @param ttl how long it is valid
     * @return the compact JWT, without a {@code Bearer } prefix
     * @throws IllegalStateException when only JWKS public keys are configured: nothing here can sign
     */
    @Override
    public String token(String subject, Collection<String> toolNames, Duration ttl) {
        JwtIssuer issuer = keys.issuer().orElseThrow(() -> new IllegalStateException(
                "Cannot sign a local token: only public keys (" + JwtConfiguration.PREFIX + ".jwks) are configured. "
                        + "Set " + JwtConfiguration.PREFIX + ".secret for tests, or pass a token signed elsewhere."));
        return issuer.issue(subject, toolNames, ttl);
    }

    /**
     * The header of header-auth tools with the first accepted value, configured or ephemeral.
     *
     * @return the header name and value
     */
    public ToolCredentials.HeaderCredential header() {
        return new ToolCredentials.HeaderCredential(headerName, keys.headerValues().get(0));
    }
}
