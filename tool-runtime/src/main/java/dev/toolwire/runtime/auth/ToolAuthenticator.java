package dev.toolwire.runtime.auth;

import dev.toolwire.runtime.ToolInfo;
import io.micronaut.http.HttpRequest;

/**
 * Decides whether a request may call a tool, before its body is read. The built-in one
 * ({@code @Named(BUILT_IN)}) checks the JWT or header credential of each tool's auth mode; declare a
 * bean of your own to check callers another way, such as OAuth token introspection or the client
 * certificate of an mTLS connection. Yours replaces the built-in one and may delegate to it:
 *
 * <pre>{@code
 * @Singleton
 * final class ClientCertificates implements ToolAuthenticator {
 *     private final ToolAuthenticator builtIn;
 *
 *     ClientCertificates(@Named(ToolAuthenticator.BUILT_IN) ToolAuthenticator builtIn) {
 *         this.builtIn = builtIn;
 *     }
 *
 *     public AuthenticatedCaller authenticate(HttpRequest<?> request, ToolInfo tool) {
 *         Optional<Certificate> certificate = request.getCertificate();
 *         if (certificate.isEmpty()) {
 *             return builtIn.authenticate(request, tool);
 *         }
 *         return AuthenticatedCaller.of(((X509Certificate) certificate.get()).getSubjectX500Principal().getName());
 *     }
 * }
 * }</pre>
 *
 * <p>It runs on a thread that may block unless {@link #mayBlock} says it need not, and the tool is
 * {@code @NonBlocking}; throw {@link ToolAuthenticationException} to refuse.
 *
 * @since 0.1
 */
public interface ToolAuthenticator {

    /** The name of the built-in authenticator, to inject it next to your own. */
    String BUILT_IN = "toolwire";

    /**
     * Authenticates a call.
     *
     * @param request the HTTP request, before its body was read
     * @param tool the tool being called; {@link ToolInfo#auth()} is its configured mode
     * @return who is calling
     * @throws ToolAuthenticationException {@code 401 UNAUTHORIZED} or {@code 403 FORBIDDEN}
     */
    AuthenticatedCaller authenticate(HttpRequest<?> request, ToolInfo tool);

    /**
     * Whether {@link #authenticate} may have to wait for I/O for this request (fetching keys, asking
     * an introspection endpoint); when not, it may run on the event loop for a non-blocking tool.
     *
     * @param request the HTTP request
     * @param tool the tool being called
     * @return {@code true} when authenticating may block; {@code true} unless overridden
     */
    default boolean mayBlock(HttpRequest<?> request, ToolInfo tool) {
        return true;
    }
}
