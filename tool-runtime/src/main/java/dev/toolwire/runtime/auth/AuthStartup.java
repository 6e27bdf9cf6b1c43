package dev.toolwire.runtime.auth;

import dev.toolwire.annotations.AuthMode;
import dev.toolwire.runtime.AuthConfiguration;
import dev.toolwire.runtime.HeaderAuthConfiguration;
import dev.toolwire.runtime.JwtConfiguration;
import dev.toolwire.runtime.invoke.DefaultToolRegistry;
import dev.toolwire.runtime.invoke.RegisteredTool;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Internal;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the auth setup when the application starts, and makes a local start usable: with no key
 * configured it prints, when the HTTP server is up (never for a command), a ready-to-use token and
 * header value made from the ephemeral keys, with a warning saying how to configure real ones.
 */
@Singleton
@Internal
public final class AuthStartup {

    private static final Logger LOG = LoggerFactory.getLogger(AuthStartup.class);
    /** How long the printed local token lives. */
    static final Duration LOCAL_TOKEN_TTL = Duration.ofHours(24);

    private final DefaultToolRegistry registry;
    private final ToolCredentials credentials;
    private final AuthKeys keys;
    private final AuthConfiguration auth;
    private final LocalCredentials local;

    AuthStartup(DefaultToolRegistry registry, ToolCredentials credentials, AuthKeys keys, AuthConfiguration auth,
            LocalCredentials local) {
        this.registry = registry;
        this.credentials = credentials;
        this.keys = keys;
        this.auth = auth;
        this.local = local;
    }

    /**
     * Refuses to start when real keys are required but missing, and warns about open tools.
     *
     * @param event the startup
     */
    @EventListener
    void onStartup(StartupEvent event) {
        Set<AuthMode> modes = modesInUse();
        if (auth.isRequireKeys() && modes.contains(AuthMode.JWT) && keys.ephemeralSecret()) {
            throw new ConfigurationException("No JWT key is configured and " + AuthConfiguration.PREFIX
                    + ".require-keys is true: set " + JwtConfiguration.PREFIX + ".secret or " + JwtConfiguration.PREFIX + ".jwks.");
        }
        if (auth.isRequireKeys() && modes.contains(AuthMode.HEADER) && keys.ephemeralHeader()) {
            throw new ConfigurationException("No header value is configured and " + AuthConfiguration.PREFIX
                    + ".require-keys is true: set " + HeaderAuthConfiguration.PREFIX + ".values.");
        }
        if (credentials.effectiveMode(AuthMode.DEFAULT) == AuthMode.NONE) {
            LOG.warn("!!! {}.default is none: every tool without its own @Tool(auth) can be called by ANYONE, "
                    + "without credentials. Use jwt or header for anything reachable from the internet. !!!",
                    AuthConfiguration.PREFIX);
        }
        List<String> open = registry.all().stream()
                .filter(t -> t.auth() == AuthMode.NONE)
                .map(RegisteredTool::name).collect(Collectors.toList());
        if (!open.isEmpty()) {
            LOG.info("Tools open without authentication: {}", open);
        }
    }

    /**
     * Prints the ephemeral credentials of a local start, once the server is up.
     *
     * @param event the server startup
     */
    @EventListener
    void onServerStartup(ServerStartupEvent event) {
        Set<AuthMode> modes = modesInUse();
        if (modes.contains(AuthMode.JWT) && keys.ephemeralSecret()) {
            String token = local.token("local", List.of("*"), LOCAL_TOKEN_TTL);
            LOG.warn("No JWT key is configured ({}.secret or {}.jwks), so this process made an ephemeral key. "
                    + "FOR LOCAL USE ONLY: it dies with the process. A token for every tool, valid {} hours:{}"
                    + "  Authorization: Bearer {}{}"
                    + "Configure a real key (e.g. TOOLWIRE_AUTH_JWT_SECRET=$(openssl rand -base64 48)) and mint tokens "
                    + "with the 'token' command; set {}.require-keys=true in production.",
                    JwtConfiguration.PREFIX, JwtConfiguration.PREFIX, LOCAL_TOKEN_TTL.toHours(), System.lineSeparator(),
                    token, System.lineSeparator(), AuthConfiguration.PREFIX);
        }
        if (modes.contains(AuthMode.HEADER) && keys.ephemeralHeader()) {
            ToolCredentials.HeaderCredential header = local.header();
            LOG.warn("No {}.values is configured, so this process made an ephemeral one. FOR LOCAL USE ONLY:{}"
                    + "  {}: {}{}"
                    + "Configure real values with {}.values (a list, so keys can rotate).",
                    HeaderAuthConfiguration.PREFIX, System.lineSeparator(), header.name(), header.value(),
                    System.lineSeparator(), HeaderAuthConfiguration.PREFIX);
        }
    }

    private Set<AuthMode> modesInUse() {
        return registry.all().stream()
                .map(t -> t.auth())
                .collect(Collectors.toSet());
    }
}
