package dev.toolwire.runtime.http;

import dev.toolwire.runtime.HeaderAuthConfiguration;
import dev.toolwire.runtime.HttpConfiguration;
import dev.toolwire.runtime.ToolException;
import dev.toolwire.runtime.ToolResult;
import dev.toolwire.runtime.auth.AuthenticatedCaller;
import dev.toolwire.runtime.auth.ToolAuthenticationException;
import dev.toolwire.runtime.auth.ToolAuthenticator;
import dev.toolwire.runtime.invoke.DefaultToolContext;
import dev.toolwire.runtime.invoke.RegisteredTool;
import dev.toolwire.runtime.invoke.ToolCall;
import dev.toolwire.runtime.invoke.ToolInvoker;
import dev.toolwire.runtime.invoke.RetryLaterException;
import dev.toolwire.runtime.invoke.ToolFailures;
import io.micronaut.context.annotation.Executable;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.AvailableByteBody;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one handler behind every tool route. On the event loop it finds the tool and checks the
 * declared size. For a tool marked {@link io.micronaut.core.annotation.NonBlocking} whose caller can
 * be authenticated without I/O, the whole call then runs on that event loop; for every other tool,
 * authentication, reading arguments, validating, binding and invoking run on Micronaut's blocking
 * executor (virtual threads on JDK 21+), all on one worker when the body has already arrived: each
 * hand-off between threads costs more than the rest of a small call. The body is read only for an
 * authenticated caller within its rate limit, and never past {@code toolwire.http.max-body-bytes}.
 */
@Singleton
@Internal
public final class ToolEndpoint {

    private final ToolInvoker invoker;
    private static final Logger LOG = LoggerFactory.getLogger(ToolEndpoint.class);

    private final ToolAuthenticator authenticator;
    private final CallerRateLimiter rateLimiter;
    private final RateLimitKeys rateLimitKeys;
    private final FailedAuthThrottle throttle;
    private final TrustedProxyClientAddressResolver addresses;
    private final InFlightCalls calls;
    private final ToolResponses responses;
    private final String credentialHeader;
    private final Executor executor;
    private final int maxBodyBytes;

    /**
     * Creates the handler.
     *
     * @param invoker runs calls
     * @param authenticator checks callers
     * @param rateLimiter counts calls per caller
     * @param rateLimitKeys says what a call is counted against
     * @param throttle counts refused credentials per client address
     * @param addresses resolves the client address
     * @param executor the blocking executor
     * @param http the HTTP settings
     * @param headerAuth the header auth settings, whose header tools never see
     * @param calls counts the calls in flight and reports each finished one
     * @param responses renders results and failures
     */
    public ToolEndpoint(
            ToolInvoker invoker,
            ToolAuthenticator authenticator,
            CallerRateLimiter rateLimiter,
            RateLimitKeys rateLimitKeys,
            FailedAuthThrottle throttle,
            TrustedProxyClientAddressResolver addresses,
            @Named(TaskExecutors.BLOCKING) Executor executor,
            HttpConfiguration http,
            HeaderAuthConfiguration headerAuth,
            InFlightCalls calls,
            ToolResponses responses) {
        this.invoker = invoker;
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.rateLimitKeys = rateLimitKeys;
        this.throttle = throttle;
        this.addresses = addresses;
        this.credentialHeader = headerAuth.name();
        this.executor = executor;
        this.maxBodyBytes = http.maxBodyBytes();
        this.calls = calls;
        this.responses = responses;
    }

    /**
     * The signature every tool route is bound with (see {@link ToolRouteHandle}); a request routed here
     * without its tool is answered as a call to an unknown tool.
     *
     * @param request the request
     * @return the {@code 404 TOOL_NOT_FOUND} answer
     */
    @Executable
    public CompletableFuture<HttpResponse<?>> handle(HttpRequest<?> request) {
        String requestId = RequestIds.of(request);
        return CompletableFuture.completedFuture(ResponseLabels.label(responses.of(ToolFailures.noTool(), requestId), requestId));
    }

    /**
     * Handles a call to a tool's route: authenticates (on the blocking executor when a JWKS may have
     * to be fetched or the tool may block, else right here), counts the call against the caller's
     * rate limit, reads the body up to the limit, then validates and invokes.
     *
     * @param tool the tool the route serves
     * @param request the request
     * @return the response, completed on the blocking executor, or on the event loop for a
     *     non-blocking tool
     */
    CompletableFuture<HttpResponse<?>> handle(RegisteredTool tool, HttpRequest<?> request) {
        String requestId = RequestIds.of(request);
        CallTrace trace = calls.begin(tool, request, requestId);
        if (!trace.admitted()) {
            return trace.complete(CompletableFuture.completedFuture(unavailable(requestId)));
        }
        if (request.getContentLength() > maxBodyBytes) {
            return trace.complete(CompletableFuture.completedFuture(responses.of(tooLarge(), requestId)));
        }
        Map<String, String> pathValues = pathValues(request);
        if (tool.nonBlocking() && !authenticator.mayBlock(request, tool)) {
            // Nothing in this call waits for I/O: run all of it here, on the event loop, as a plain
            // Micronaut controller would; a hand-off costs more than the rest of a small call.
            return trace.complete(authenticateAndAdmit(tool, request, pathValues, trace, requestId));
        }
        // Authenticating and admitting share one task, so admitting never runs on the event loop even
        // when authentication finishes before a second stage could be chained.
        return trace.complete(CompletableFuture
                .supplyAsync(() -> authenticateAndAdmit(tool, request, pathValues, trace, requestId), executor)
                .thenCompose(Function.identity()));
    }

    private CompletableFuture<HttpResponse<?>> authenticateAndAdmit(RegisteredTool tool, HttpRequest<?> request,
            Map<String, String> pathValues, CallTrace trace, String requestId) {
        if (throttle.watching()) {
            OptionalLong wait = throttle.blockedFor(clientAddress(request));
            if (wait.isPresent()) {
                return CompletableFuture.completedFuture(responses.of(RetryLaterException.rateLimited(
                        "Tool call rejected: too many refused credentials from this address; please try again in a minute.",
                        seconds(wait.getAsLong())), requestId));
            }
        }
        try {
            AuthenticatedCaller caller = trace.authenticated(authenticator.authenticate(request, tool));
            return admit(tool, request, pathValues, caller, trace, requestId).exceptionally(failure -> refuse(failure, requestId));
        } catch (ToolAuthenticationException e) {
            trace.refused(e);
            if (e.status() == 401) {
                throttle.failed(clientAddress(request));
            }
            return CompletableFuture.completedFuture(refuse(e, requestId));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(refuse(e, requestId));
        }
    }

    private String clientAddress(HttpRequest<?> request) {
        String address = addresses.resolve(request);
        return address == null ? "unknown" : address;
    }

    /** The answer while the server shuts down: try again shortly, another instance will take it. */
    private MutableHttpResponse<?> unavailable(String requestId) {
        return responses.of(RetryLaterException.unavailable("The service is restarting; please try again in a moment.",
                InFlightCalls.RETRY_AFTER_SECONDS), requestId);
    }

    private CompletableFuture<HttpResponse<?>> admit(RegisteredTool tool, HttpRequest<?> request,
            Map<String, String> pathValues, AuthenticatedCaller caller, CallTrace trace, String requestId) {
        if (!rateLimiter.enabled()) {
            return proceed(tool, request, pathValues, caller, trace, requestId, Optional.empty());
        }
        CompletableFuture<Optional<CallerRateLimiter.Decision>> counted =
                rateLimiter.acquire(rateLimitKeys.of(tool, request, caller));
        // Counted in memory, the verdict is already there: carry on here. Counted in a shared store, it
        // arrives on that client's I/O thread, which must not run the call.
        return counted.isDone()
                ? counted.thenCompose(decision -> proceed(tool, request, pathValues, caller, trace, requestId, decision))
                : counted.thenComposeAsync(decision -> proceed(tool, request, pathValues, caller, trace, requestId,
                        decision), executor);
    }

    private CompletableFuture<HttpResponse<?>> proceed(RegisteredTool tool, HttpRequest<?> request,
            Map<String, String> pathValues, AuthenticatedCaller caller, CallTrace trace, String requestId,
            Optional<CallerRateLimiter.Decision> decision) {
        if (decision.isPresent() && !decision.get().allowed()) {
            MutableHttpResponse<?> limited = responses.of(decision.get().refusal(), requestId);
            return CompletableFuture.completedFuture(withRateHeaders(limited, decision));
        }
        Function<byte[], CompletableFuture<HttpResponse<?>>> invoke = body -> run(tool, request, pathValues, body,
                caller, trace, requestId).thenApply(response -> withRateHeaders(response, decision));
        CompletableFuture<byte[]> body = readBody(request);
        // A body that had fully arrived is read at once, on this thread: carry on here rather than hand
        // the call to another worker. One still arriving completes on the event loop: hop back to the
        // blocking executor unless the tool does not block.
        return body.isDone() || tool.nonBlocking() ? body.thenCompose(invoke) : body.thenComposeAsync(invoke, executor);
    }

    private CompletableFuture<byte[]> readBody(HttpRequest<?> request) {
        if (!(request instanceof ServerHttpRequest<?> server)) {
            return CompletableFuture.completedFuture(new byte[0]);
        }
        ByteBody body = server.byteBody();
        if (body instanceof AvailableByteBody arrived && arrived.length() <= maxBodyBytes) {
            return CompletableFuture.completedFuture(arrived.toByteArray()); // already in memory, within the limit
        }
        BoundedBodyReader reader = new BoundedBodyReader(maxBodyBytes);
        body.toByteArrayPublisher().subscribe(reader);
        return reader.result();
    }

    private static MutableHttpResponse<?> withRateHeaders(
            MutableHttpResponse<?> response, Optional<CallerRateLimiter.Decision> decision) {
        decision.ifPresent(d -> response.header("X-RateLimit-Limit", Integer.toString(d.limit()))
                .header("X-RateLimit-Remaining", Integer.toString(d.remaining()))
                .header("X-RateLimit-Reset", Long.toString(d.resetEpochSeconds())));
        return response;
    }

    private HttpResponse<?> refuse(Throwable failure, String requestId) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ToolAuthenticationException denied) {
            return responses.of(denied, requestId).header(HttpHeaders.WWW_AUTHENTICATE, denied.challenge());
        }
        if (cause instanceof ToolException e) {
            return responses.of(e, requestId);
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BoundedBodyReader.BodyTooLargeException || t instanceof ContentLengthExceededException) {
                return responses.of(tooLarge(), requestId);
            }
        }
        if (cause instanceof RuntimeException && !(cause instanceof UncheckedIOException)) {
            LOG.error("Tool call {} failed before the tool ran", requestId, cause);
            return responses.of(ToolFailures.internal(), requestId);
        }
        LOG.debug("Tool call {}: the request body could not be read", requestId, cause);
        return responses.of(ToolFailures.malformed("Tool call rejected: the request body could not be read."), requestId);
    }

    private CompletableFuture<MutableHttpResponse<?>> run(RegisteredTool tool, HttpRequest<?> request,
            Map<String, String> pathValues, byte[] body, AuthenticatedCaller caller, CallTrace trace, String requestId) {
        CompletableFuture<ToolResult> outcome;
        try {
            checkContentType(request, body);
            ToolCall call = new ToolCall(pathValues, query(request), ToolCall.parseBody(body));
            trace.noteArguments(call);
            DefaultToolContext context = new DefaultToolContext(requestId, tool.name(), () -> headersWithoutCredentials(request),
                    caller.subject(), Instant.now().plusSeconds(tool.descriptor().timeoutSeconds()));
            outcome = invoker.startHere(tool, call, context);
        } catch (ToolException e) {
            outcome = CompletableFuture.completedFuture(new ToolResult.Failure(e));
        }
        return outcome.thenApply(result -> responses.of(result, requestId));
    }

    /** The query parameters; most calls have none, and reading them builds a decoder and a map. */
    private static Map<String, List<String>> query(HttpRequest<?> request) {
        return request.getUri().getRawQuery() == null ? Map.of() : request.getParameters().asMap();
    }

    /** The request headers a tool may see: all but the credentials, so no tool can leak them. */
    private Map<String, List<String>> headersWithoutCredentials(HttpRequest<?> request) {
        Map<String, List<String>> headers = new HashMap<>(request.getHeaders().asMap());
        headers.keySet().removeIf(name -> name.equalsIgnoreCase(HttpHeaders.AUTHORIZATION)
                || name.equalsIgnoreCase(credentialHeader));
        return headers;
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
            throw ToolFailures.notJson();
        }
    }

    private static int seconds(long seconds) {
        return (int) Math.min(Integer.MAX_VALUE, seconds);
    }

    private ToolException tooLarge() {
        return ToolFailures.tooLarge(maxBodyBytes);
    }

    /** The route's decoded path placeholders, as text: the schema gives them their types when arguments merge. */
    private static Map<String, String> pathValues(HttpRequest<?> request) {
        Map<String, String> values = new HashMap<>();
        RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .ifPresent(match -> ((UriRouteMatch<?, ?>) match).getVariableValues()
                        .forEach((name, value) -> values.put(name, String.valueOf(value))));
        return values;
    }
}
