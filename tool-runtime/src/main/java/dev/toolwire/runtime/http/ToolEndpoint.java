package dev.toolwire.runtime.http;

import dev.toolwire.runtime.HttpConfiguration;
import dev.toolwire.runtime.ToolException;
import dev.toolwire.runtime.invoke.DefaultToolContext;
import dev.toolwire.runtime.invoke.DefaultToolRegistry;
import dev.toolwire.runtime.invoke.Envelopes;
import dev.toolwire.runtime.invoke.RegisteredTool;
import dev.toolwire.runtime.invoke.ToolCall;
import dev.toolwire.runtime.invoke.ToolInvoker;
import dev.toolwire.runtime.invoke.ToolOutcome;
import io.micronaut.context.annotation.Executable;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.uri.UriMatchTemplate;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The one handler behind every tool route. On the event loop it only checks the declared size and
 * content type and collects the body; reading arguments, validating, binding and invoking the tool
 * run on Micronaut's blocking executor (virtual threads on JDK 21+).
 */
@Singleton
@Internal
public final class ToolEndpoint {

    private final DefaultToolRegistry registry;
    private final ToolInvoker invoker;
    private final ToolAuthenticator authenticator;
    private final Executor executor;
    private final int maxBodyBytes;
    private volatile @Nullable Map<String, RegisteredTool> routes;

    /**
     * Creates the handler.
     *
     * @param registry the tools
     * @param invoker runs calls
     * @param authenticator checks callers
     * @param executor the blocking executor
     * @param http the HTTP settings
     */
    public ToolEndpoint(
            DefaultToolRegistry registry,
            ToolInvoker invoker,
            ToolAuthenticator authenticator,
            @Named(TaskExecutors.BLOCKING) Executor executor,
            HttpConfiguration http) {
        this.registry = registry;
        this.invoker = invoker;
        this.authenticator = authenticator;
        this.executor = executor;
        this.maxBodyBytes = http.maxBodyBytes();
    }

    /**
     * Handles a call to any tool route.
     *
     * @param request the request
     * @return the response, completed on the blocking executor
     */
    @Executable
    public CompletableFuture<HttpResponse<?>> handle(HttpRequest<?> request) {
        String requestId = RequestIds.of(request);
        Optional<UriRouteMatch<?, ?>> match = routeMatch(request);
        RegisteredTool tool = match.map(m -> routes().get(routeKey(m.getHttpMethod().name(),
                m.getRouteInfo().getUriMatchTemplate().getTemplateString()))).orElse(null);
        if (tool == null || match.isEmpty()) {
            return done(Envelopes.of(404, Envelopes.NOT_FOUND, "There is no tool at this address.", List.of(), requestId));
        }
        long declared = request.getContentLength();
        if (declared > maxBodyBytes) {
            return done(tooLarge(requestId));
        }
        Map<String, String> pathValues = new HashMap<>();
        match.get().getVariableValues().forEach((k, v) -> pathValues.put(k, String.valueOf(v)));
        if (!(request instanceof ServerHttpRequest<?> server)) {
            return CompletableFuture.supplyAsync(() -> run(tool, request, pathValues, new byte[0], requestId), executor)
                    .thenCompose(response -> response);
        }
        return server.byteBody().buffer().<HttpResponse<?>>thenComposeAsync(body -> {
            try (CloseableAvailableByteBody b = body) {
                if (b.length() > maxBodyBytes) {
                    return done(tooLarge(requestId));
                }
                return run(tool, request, pathValues, b.toByteArray(), requestId);
            }
        }, executor).exceptionally(e -> respond(unreadable(e, requestId)));
    }

    private ToolOutcome unreadable(Throwable failure, String requestId) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ContentLengthExceededException) {
                return Envelopes.of(413, Envelopes.PAYLOAD_TOO_LARGE,
                        "Tool call rejected: the request body is too large.", List.of(), requestId);
            }
        }
        return Envelopes.of(400, Envelopes.MALFORMED_REQUEST,
                "Tool call rejected: the request body could not be read.", List.of(), requestId);
    }

    private CompletableFuture<HttpResponse<?>> run(
            RegisteredTool tool, HttpRequest<?> request, Map<String, String> pathValues, byte[] body, String requestId) {
        CompletableFuture<ToolOutcome> outcome;
        try {
            checkContentType(request, body);
            Optional<String> subject = authenticator.authenticate(request, tool.descriptor());
            ToolCall call = new ToolCall(pathValues, request.getParameters().asMap(), ToolCall.parseBody(body));
            DefaultToolContext context = new DefaultToolContext(requestId, tool.name(), request.getHeaders().asMap(),
                    subject.orElse(null), Instant.now().plusSeconds(tool.descriptor().timeoutSeconds()));
            outcome = invoker.start(tool, call, context);
        } catch (ToolException e) {
            outcome = CompletableFuture.completedFuture(Envelopes.of(e, requestId));
        }
        return outcome.thenApply(ToolEndpoint::respond);
    }

    private static void checkContentType(HttpRequest<?> request, byte[] body) {
        Optional<MediaType> type = request.getContentType();
        if (body.length == 0 || type.isEmpty()) {
            return;
        }
        MediaType t = type.get();
        boolean json = "application".equalsIgnoreCase(t.getType())
                && ("json".equalsIgnoreCase(t.getSubtype()) || t.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
        if (!json) {
            throw new ToolException(415, Envelopes.UNSUPPORTED_MEDIA_TYPE,
                    "Tool call rejected: send the arguments as application/json.");
        }
    }

    static HttpResponse<?> respond(ToolOutcome outcome) {
        return HttpResponse.status(HttpStatus.valueOf(outcome.status()))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(outcome.body());
    }

    private static CompletableFuture<HttpResponse<?>> done(ToolOutcome outcome) {
        return CompletableFuture.completedFuture(respond(outcome));
    }

    private ToolOutcome tooLarge(String requestId) {
        return Envelopes.of(413, Envelopes.PAYLOAD_TOO_LARGE,
                "Tool call rejected: the request body is larger than " + maxBodyBytes + " bytes.", List.of(), requestId);
    }

    @SuppressWarnings("unchecked")
    private static Optional<UriRouteMatch<?, ?>> routeMatch(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(m -> (UriRouteMatch<?, ?>) m);
    }

    private Map<String, RegisteredTool> routes() {
        Map<String, RegisteredTool> result = routes;
        if (result == null) {
            result = new HashMap<>();
            for (RegisteredTool tool : registry.all()) {
                result.put(routeKey(tool.descriptor().method(), UriMatchTemplate.of(tool.descriptor().path()).getTemplateString()), tool);
            }
            routes = result;
        }
        return result;
    }

    private static String routeKey(String method, String template) {
        return method + " " + template;
    }
}
