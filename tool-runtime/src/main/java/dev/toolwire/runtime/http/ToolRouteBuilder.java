package dev.toolwire.runtime.http;

import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.invoke.DefaultToolRegistry;
import dev.toolwire.runtime.invoke.RegisteredTool;
import io.micronaut.context.ExecutionHandleLocator;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.DefaultRouteBuilder;
import io.micronaut.web.router.UriRoute;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers one route per tool, at its descriptor's method and path, all to {@link ToolEndpoint}.
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
        for (RegisteredTool tool : registry.all()) {
            route(tool.descriptor(), endpoint).consumesAll();
            LOG.debug("Serving tool '{}' at {} {}", tool.name(), tool.descriptor().method(), tool.descriptor().path());
        }
    }

    private UriRoute route(ToolDescriptor tool, ToolEndpoint endpoint) {
        String path = tool.path();
        return switch (tool.method()) {
            case GET -> GET(path, endpoint, "handle", HttpRequest.class);
            case PUT -> PUT(path, endpoint, "handle", HttpRequest.class);
            case PATCH -> PATCH(path, endpoint, "handle", HttpRequest.class);
            case DELETE -> DELETE(path, endpoint, "handle", HttpRequest.class);
            case POST -> POST(path, endpoint, "handle", HttpRequest.class);
        };
    }
}
