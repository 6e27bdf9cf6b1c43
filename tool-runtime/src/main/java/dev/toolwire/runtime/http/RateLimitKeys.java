package dev.toolwire.runtime.http;

import dev.toolwire.annotations.AuthMode;
import dev.toolwire.runtime.auth.AuthenticatedCaller;
import dev.toolwire.runtime.invoke.RegisteredTool;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

/**
 * What a call is counted against: the caller's credential, or for a tool without authentication the
 * client's address as {@link HttpClientAddressResolver} finds it. Behind a trusted proxy that is the
 * address the proxy reports, so callers do not share the proxy's budget; from anywhere else it is the
 * socket's, so a forwarding header cannot buy a fresh budget.
 */
@Singleton
@Internal
public final class RateLimitKeys {

    private final HttpClientAddressResolver addresses;

    RateLimitKeys(HttpClientAddressResolver addresses) {
        this.addresses = addresses;
    }

    /**
     * The key of one call.
     *
     * @param tool the tool called
     * @param request the request
     * @param caller the authenticated caller
     * @return {@code address:<client address>} for an open tool, else the credential's key
     */
    public String of(RegisteredTool tool, HttpRequest<?> request, AuthenticatedCaller caller) {
        if (tool.auth() == AuthMode.NONE) {
            return "address:" + addresses.resolve(request);
        }
        return caller.rateLimitKey();
    }
}
