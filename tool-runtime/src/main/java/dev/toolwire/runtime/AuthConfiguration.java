package dev.toolwire.runtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How tool callers authenticate, across modes ({@code toolwire.auth.*}). The JWT and header modes
 * have their own settings, {@link JwtConfiguration} and {@link HeaderAuthConfiguration}.
 *
 * <p>An interface rather than a record because the property {@code toolwire.auth.default} is named
 * after a Java keyword, which no record component can be.
 */
@ConfigurationProperties(AuthConfiguration.PREFIX)
public interface AuthConfiguration {

    /** The property prefix, {@value}. */
    String PREFIX = "toolwire.auth";

    /**
     * {@code toolwire.auth.default}: the mode of tools declared {@code @Tool(auth = DEFAULT)}:
     * {@code jwt}, {@code header} or {@code none}. Default {@code jwt}. {@code none} opens every such
     * tool to anyone and is logged as a warning at startup.
     *
     * @return the default mode, as configured
     */
    @Bindable(defaultValue = "jwt")
    String getDefault();

    /**
     * {@code toolwire.auth.require-keys}: when {@code true}, a missing JWT key or header value is a
     * startup error instead of an ephemeral key for local use. Default {@code false}; set it in
     * production.
     *
     * @return whether real keys are required
     */
    @Bindable(defaultValue = "false")
    boolean isRequireKeys();

    /**
     * {@code toolwire.auth.failed-attempts-per-minute}: refused credentials (401) one client address
     * may present per minute; past them the address gets {@code 429 RATE_LIMITED} until the minute
     * ends, without its credentials even being checked, so nobody can guess a header key or a token.
     * Other addresses are not affected. Default {@code 20}; {@code 0} turns it off.
     *
     * @return the attempts allowed per minute
     */
    @Bindable(defaultValue = "20")
    int getFailedAttemptsPerMinute();
}
