package dev.toolwire.runtime.http;

import dev.toolwire.runtime.descriptor.ToolDescriptor;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The authenticator used until a real one is configured: every call is anonymous and allowed. */
@Singleton
@Secondary
@Internal
public final class PermitAllAuthenticator implements ToolAuthenticator {

    @Override
    public Optional<String> authenticate(HttpRequest<?> request, ToolDescriptor tool) {
        return Optional.empty();
    }
}
