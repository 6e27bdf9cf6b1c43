package dev.toolwire.runtime.auth;

import dev.toolwire.runtime.descriptor.ToolDescriptor;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpRequest;

/**
 * Decides whether a request may call a tool, before its body is read. The tool handler asks the
 * single bean of this type, {@link DefaultToolAuthenticator}.
 */
@Internal
public interface ToolAuthenticator {

    /**
     * Authenticates a call.
     *
     * @param request the HTTP request
     * @param tool the tool being called
     * @return who is calling
     * @throws ToolAuthenticationException {@code 401 UNAUTHORIZED} or {@code 403 FORBIDDEN}
     */
    AuthenticatedCaller authenticate(HttpRequest<?> request, ToolDescriptor tool);

    /**
     * Whether {@link #authenticate} may have to wait for I/O for this request, such as fetching a
     * JWKS to check a token not seen before; when not, it may run on the event loop.
     *
     * @param request the HTTP request
     * @param tool the tool being called
     * @return {@code true} when authenticating may block
     */
    boolean mayBlock(HttpRequest<?> request, ToolDescriptor tool);
}
