package dev.toolwire.devtools.playground;

import io.micronaut.context.ExecutionHandleLocator;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.DefaultRouteBuilder;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the playground's routes, and only when it is enabled: {@code toolwire.playground.enabled},
 * which defaults to {@code true} in Micronaut's {@code dev} environment and {@code false} otherwise.
 * When it is off nothing of it is routed, so its paths answer like any unknown path.
 */
@Singleton
@Internal
@SuppressWarnings("overrides") // DefaultRouteBuilder itself declares some varargs overrides as arrays
public final class PlaygroundRouteBuilder extends DefaultRouteBuilder {

    /** The property that turns the playground on or off. */
    public static final String ENABLED = "toolwire.playground.enabled";
    /** The property that lets other hosts than this one open the playground. */
    public static final String ALLOW_REMOTE = "toolwire.playground.allow-remote";
    /** Where the page is served. */
    public static final String PATH = "/toolwire/playground";

    private static final Logger LOG = LoggerFactory.getLogger(PlaygroundRouteBuilder.class);

    /**
     * Creates the routes when enabled.
     *
     * @param locator finds the handler's generated invokers
     * @param namingStrategy Micronaut's URI naming strategy
     * @param conversionService Micronaut's conversion service
     * @param environment the active environments and properties
     * @param endpoint the handler
     */
    public PlaygroundRouteBuilder(
            ExecutionHandleLocator locator,
            UriNamingStrategy namingStrategy,
            ConversionService conversionService,
            Environment environment,
            PlaygroundEndpoint endpoint) {
        super(locator, namingStrategy, conversionService);
        if (!enabled(environment)) {
            return;
        }
        GET(PATH, endpoint, "page", HttpRequest.class);
        GET(PATH + "/playground.js", endpoint, "script", HttpRequest.class);
        GET(PATH + "/playground.css", endpoint, "style", HttpRequest.class);
        GET(PATH + "/tools", endpoint, "tools", HttpRequest.class);
        LOG.warn("The tool playground is enabled at {}: it hands a short-lived token for every tool to whoever opens it"
                + "{}. Keep it off in production ({}=false).", PATH,
                endpoint.allowsRemote() ? ", from any host" : " from this host", ENABLED);
    }

    static boolean enabled(Environment environment) {
        return environment.getProperty(ENABLED, Boolean.class)
                .orElse(environment.getActiveNames().contains(Environment.DEVELOPMENT));
    }
}
