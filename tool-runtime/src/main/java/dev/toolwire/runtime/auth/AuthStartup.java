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
import java.io.PrintStream;
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
            String nl = System.lineSeparator();
            showLocally(LOG, System.err, "No JWT key is configured (" + JwtConfiguration.PREFIX + ".secret or "
                    + JwtConfiguration.PREFIX + ".jwks), so this process made an ephemeral key. FOR LOCAL USE ONLY: it dies"
                    + " with the process. A token for every tool, valid " + LOCAL_TOKEN_TTL.toHours() + " hours:" + nl
                    + "  Authorization: Bearer " + token + nl
                    + "Configure a real key (e.g. TOOLWIRE_AUTH_JWT_SECRET=$(openssl rand -base64 48)) and mint tokens"
                    + " with the 'token' command; set " + AuthConfiguration.PREFIX + ".require-keys=true in production.");
        }
        if (modes.contains(AuthMode.HEADER) && keys.ephemeralHeader()) {
            ToolCredentials.HeaderCredential header = local.header();
            String nl = System.lineSeparator();
            showLocally(LOG, System.err, "No " + HeaderAuthConfiguration.PREFIX + ".values is configured, so this process"
                    + " made an ephemeral one. FOR LOCAL USE ONLY:" + nl
                    + "  " + header.name() + ": " + header.value() + nl
                    + "Configure real values with " + HeaderAuthConfiguration.PREFIX + ".values (a list, so keys can rotate).");
        }
    }

    /**
     * Shows the credentials of a local start as a WARN, or straight on {@code err} when no logging
     * backend would show it (SLF4J without a provider, or WARN turned off for this logger): without
     * them a local start cannot be called at all.
     */
    static void showLocally(Logger log, PrintStream err, String notice) {
        if (log.isWarnEnabled()) {
            log.warn(notice);
        } else {
            err.println("WARN Toolwire: " + notice);
            err.flush();
        }
    }

    private Set<AuthMode> modesInUse() {
        return registry.all().stream()
                .map(t -> t.auth())
                .collect(Collectors.toSet());
    }
}
