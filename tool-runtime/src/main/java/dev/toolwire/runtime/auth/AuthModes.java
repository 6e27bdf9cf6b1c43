package dev.toolwire.runtime.auth;

import dev.toolwire.annotations.AuthMode;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.invoke.RegisteredTool;
import io.micronaut.core.annotation.Internal;
import java.util.Locale;

/** Reads a descriptor's {@code auth} field; an unknown value fails closed, as {@link AuthMode#JWT}. */
@Internal
public final class AuthModes {

    private AuthModes() {}

    /**
     * The declared mode of a tool.
     *
     * @param tool the descriptor
     * @return its {@code auth}, {@code JWT} when unreadable
     */
    public static AuthMode of(ToolDescriptor tool) {
        try {
            return AuthMode.valueOf(tool.auth().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return AuthMode.JWT;
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
