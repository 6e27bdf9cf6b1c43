package dev.toolwire.runtime.http;

import dev.toolwire.runtime.descriptor.ToolDescriptor;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpRequest;
import java.util.Optional;

/**
 * Decides whether a request may call a tool, before its arguments are read. The handler asks the
 * single bean of this type; until authentication lands it lets every call through.
 */
@Internal
public interface ToolAuthenticator {

    /**
     * Authenticates a call.
     *
     * @param request the HTTP request
     * @param tool the tool being called
     * @return the authenticated subject, or empty for an anonymous call that is allowed
     * @throws dev.toolwire.runtime.ToolException {@code 401 UNAUTHORIZED} or {@code 403 FORBIDDEN}
     */
    Optional<String> authenticate(HttpRequest<?> request, ToolDescriptor tool);
}
