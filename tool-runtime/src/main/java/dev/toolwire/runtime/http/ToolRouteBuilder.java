package dev.toolwire.runtime.http;

import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.invoke.DefaultToolRegistry;
import dev.toolwire.runtime.invoke.RegisteredTool;
import io.micronaut.context.ExecutionHandleLocator;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.MethodExecutionHandle;
import io.micronaut.web.router.DefaultRouteBuilder;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers one route per tool, at its descriptor's method and path, each carrying its tool to
 * {@link ToolEndpoint}.
 * Routes accept every content type; the handler answers a non-JSON body with the envelope.
 */
@Singleton
@Internal
@SuppressWarnings("overrides") // DefaultRouteBuilder itself declares some varargs overrides as arrays
public final class ToolRouteBuilder extends DefaultRouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(ToolRouteBuilder.class);

    /**
     * Creates the routes.
     *
     * @param locator finds the handler's generated invoker
     * @param namingStrategy Micronaut's URI naming strategy
     * @param conversionService Micronaut's conversion service
     * @param registry the tools
     * @param endpoint the handler
     */
    public ToolRouteBuilder(
            ExecutionHandleLocator locator,
            UriNamingStrategy namingStrategy,
            ConversionService conversionService,
            DefaultToolRegistry registry,
            ToolEndpoint endpoint) {
        super(locator, namingStrategy, conversionService);
        MethodExecutionHandle<Object, Object> signature = locator
                .<Object, Object>findExecutionHandle(endpoint, "handle", HttpRequest.class)
                .orElseThrow(() -> new IllegalStateException("ToolEndpoint.handle(HttpRequest) is not executable"));
        for (RegisteredTool tool : registry.all()) {
            ToolDescriptor descriptor = tool.descriptor();
            buildRoute(HttpMethod.valueOf(descriptor.method().name()), descriptor.path(),
                    new ToolRouteHandle(signature, endpoint, tool)).consumesAll();
            LOG.debug("Serving tool '{}' at {} {}", tool.name(), descriptor.method(), descriptor.path());
        }
    }
}
