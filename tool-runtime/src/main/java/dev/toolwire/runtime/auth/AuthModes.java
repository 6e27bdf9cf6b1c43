package dev.toolwire.runtime.auth;

import dev.toolwire.annotations.AuthMode;
import dev.toolwire.runtime.AuthConfiguration;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.invoke.RegisteredTool;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Internal;
import java.util.Locale;

/**
 * Reads auth modes: a descriptor's {@code auth} field (an unknown value fails closed, as
 * {@link AuthMode#JWT}) and {@code toolwire.auth.default}.
 */
@Internal
public final class AuthModes {

    private AuthModes() {}

    /**
     * The declared mode of a tool.
     *
     * @param tool the descriptor
     * @return its {@code auth}, as the descriptor declares it
     */
    public static AuthMode of(ToolDescriptor tool) {
        return tool.auth();
    }

    /**
     * Reads {@code toolwire.auth.default}.
     *
     * @param value the configured value: {@code jwt}, {@code header} or {@code none}, in any case
     * @return the mode
     * @throws ConfigurationException for any other value, naming the property
     */
    public static AuthMode parseDefault(String value) {
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "jwt": return AuthMode.JWT;
            case "header": return AuthMode.HEADER;
            case "none": return AuthMode.NONE;
            default:
                throw new ConfigurationException(AuthConfiguration.PREFIX + ".default is '" + value
                        + "'; use jwt, header or none.");
        }
    }

    /**
     * The declared mode of a tool.
     *
     * @param tool the tool
     * @return its {@code auth}, {@code JWT} when unreadable
     */
    public static AuthMode of(RegisteredTool tool) {
        return of(tool.descriptor());
    }
}
