package dev.toolwire.runtime.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.MethodBasedRouteInfo;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * When the application also has Micronaut Security, leaves exactly the tool routes to Toolwire's own
 * auth: Micronaut Security would otherwise refuse every tool call (its tokens are not Toolwire's), or
 * its default rules would ask for a rule per tool path. Every other request, the application's own
 * controllers, the management endpoints and a path under {@code /tools} that is no tool included, is
 * left to the application's rules ({@link SecurityRuleResult#UNKNOWN}).
 *
 * <p>It runs after Micronaut Security's IP-pattern rule, so an address restriction the operator
 * configured still applies to the tools, and before the {@code @Secured} and intercept-URL-map rules.
 */
@Singleton
@Internal
@Requires(classes = SecurityRule.class)
final class ToolRouteSecurityRule implements SecurityRule<HttpRequest<?>> {

    /** Between Micronaut Security's IP-pattern rule (100 before {@code @Secured}) and {@code @Secured}. */
    static final int ORDER = SecuredAnnotationRule.ORDER - 50;

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        return Publishers.just(request != null && isToolRoute(request) ? SecurityRuleResult.ALLOWED : SecurityRuleResult.UNKNOWN);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static boolean isToolRoute(HttpRequest<?> request) {
        return RouteAttributes.getRouteInfo(request)
                .filter(route -> route instanceof MethodBasedRouteInfo<?, ?> method
                        && method.getTargetMethod() instanceof ToolRouteHandle)
                .isPresent();
    }
}
