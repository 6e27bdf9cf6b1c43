package dev.toolwire.runtime.http;

import dev.toolwire.runtime.ManagementConfiguration;
import dev.toolwire.runtime.ToolException;
import dev.toolwire.runtime.auth.BearerTokens;
import dev.toolwire.runtime.invoke.ToolFailures;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.RouteAttributes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps Micronaut's management endpoints ({@code /prometheus}, {@code /metrics}, {@code /loggers},
 * {@code /env}, ...) to the operator: a request for one is answered only when it is made on this
 * machine (loopback, nothing forwarded), or carries {@code Authorization: Bearer <one of
 * toolwire.management.tokens>}; anything else is {@code 401 UNAUTHORIZED} in the envelope. The health
 * endpoint stays as Micronaut serves it (status for anyone, details per
 * {@code endpoints.health.details-visible}), since load balancers ask it. Micronaut's own rule still
 * applies on top (an endpoint it holds sensitive is refused whoever asks). With
 * {@code toolwire.management.open=true} this filter is not there: for a management port only a scraper
 * can reach. It runs before Micronaut's endpoint filter.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
@Requires(classes = EndpointSensitivityProcessor.class)
@Requires(property = ManagementConfiguration.PREFIX + ".open", notEquals = "true")
@Internal
public final class ManagementAccessFilter {

    private static final String HEALTH = "health";

    private final Set<Object> endpointMethods;
    private final TrustedProxyClientAddressResolver addresses;
    private final List<byte[]> tokens;
    private final ToolResponses responses;

    /**
     * Creates the filter.
     *
     * @param processor which routes are endpoints
     * @param addresses tells local requests from others
     * @param config the {@code toolwire.management.*} settings
     */
    ManagementAccessFilter(EndpointSensitivityProcessor processor, TrustedProxyClientAddressResolver addresses,
            ManagementConfiguration config, ToolResponses responses) {
        this.responses = responses;
        this.endpointMethods = new HashSet<>(processor.getEndpointMethods().keySet());
        this.addresses = addresses;
        this.tokens = config.tokens().stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /**
     * Refuses a management request that is neither local nor carries a management token.
     *
     * @param request the request
     * @return the refusal, or {@code null} to let the request through
     */
    @RequestFilter
    public @Nullable HttpResponse<?> filter(HttpRequest<?> request) {
        Optional<RouteMatch<?>> match = RouteAttributes.getRouteMatch(request);
        if (match.isEmpty() || !(match.get() instanceof MethodBasedRouteMatch<?, ?> method)
                || !endpointMethods.contains(method.getExecutableMethod())) {
            return null;
        }
        boolean health = HEALTH.equals(endpointId(method.getExecutableMethod()));
        if (health || addresses.loopbackOnly(request) || presentsToken(request)) {
            return null;
        }
        String requestId = RequestIds.of(request);
        return ResponseLabels.label(responses.of(new ToolException(401, ToolFailures.UNAUTHORIZED,
                        "Management endpoints need the management credential (toolwire.management.tokens)."), requestId),
                        requestId)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"toolwire-management\"");
    }

    private static String endpointId(ExecutableMethod<?, ?> method) {
        return method.stringValue(Endpoint.class, "id").or(() -> method.stringValue(Endpoint.class)).orElse("");
    }

    private boolean presentsToken(HttpRequest<?> request) {
        String token = BearerTokens.token(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        if (token == null || tokens.isEmpty()) {
            return false;
        }
        byte[] presented = token.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] accepted : tokens) {
            match |= MessageDigest.isEqual(accepted, presented);
        }
        return match;
    }
}
