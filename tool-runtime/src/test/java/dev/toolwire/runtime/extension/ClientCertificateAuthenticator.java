package dev.toolwire.runtime.extension;

import dev.toolwire.runtime.ToolInfo;
import dev.toolwire.runtime.auth.AuthenticatedCaller;
import dev.toolwire.runtime.auth.ToolAuthenticationException;
import dev.toolwire.runtime.auth.ToolAuthenticator;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Stands for an mTLS check done by the proxy in front: the verified client certificate's subject
 * arrives in a header the proxy sets. Callers without it fall back to the built-in checks.
 */
@Singleton
@Requires(property = "spec.name", value = "ExtensionPointsTest")
final class ClientCertificateAuthenticator implements ToolAuthenticator {

    static final String HEADER = "X-Verified-Client-Subject";

    private final ToolAuthenticator builtIn;

    ClientCertificateAuthenticator(@Named(ToolAuthenticator.BUILT_IN) ToolAuthenticator builtIn) {
        this.builtIn = builtIn;
    }

    @Override
    public AuthenticatedCaller authenticate(HttpRequest<?> request, ToolInfo tool) {
        Optional<String> subject = request.getHeaders().findFirst(HEADER);
        if (subject.isEmpty()) {
            return builtIn.authenticate(request, tool);
        }
        if (!subject.get().startsWith("CN=")) {
            throw ToolAuthenticationException.unauthorized("Mutual realm=\"billing\"");
        }
        return AuthenticatedCaller.of(subject.get());
    }

    @Override
    public boolean mayBlock(HttpRequest<?> request, ToolInfo tool) {
        return request.getHeaders().contains(HEADER) ? false : builtIn.mayBlock(request, tool);
    }
}
