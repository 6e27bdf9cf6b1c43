package dev.toolwire.runtime.http;

import dev.toolwire.runtime.ToolException;
import dev.toolwire.runtime.invoke.ToolFailures;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Makes Micronaut's own error responses (404 no route, 405 wrong method, 413, 415, 400 and 500 from
 * its exception handlers) come out in the Toolwire error envelope, for tool routes and for requests
 * that matched no route at a tool's path or under {@code /tools}. Errors of the application's other
 * controllers, and of paths that are not Toolwire's, keep Micronaut's format: the original
 * {@link ErrorResponseProcessor} is decorated, not replaced.
 */
@Singleton
@Internal
public final class EnvelopeErrorResponses implements BeanCreatedEventListener<ErrorResponseProcessor<?>> {

    private final BeanProvider<ToolPaths> toolPaths;
    private final BeanProvider<ToolResponses> responses;

    EnvelopeErrorResponses(BeanProvider<ToolPaths> toolPaths, BeanProvider<ToolResponses> responses) {
        this.toolPaths = toolPaths;
        this.responses = responses;
    }

    @Override
    public ErrorResponseProcessor<?> onCreated(BeanCreatedEvent<ErrorResponseProcessor<?>> event) {
        ErrorResponseProcessor<?> delegate = event.getBean();
        return new Decorator(delegate, toolPaths, responses);
    }

    /** Answers with the envelope where Toolwire owns the route, else asks Micronaut's processor. */
    private static final class Decorator implements ErrorResponseProcessor<Object> {

        private final ErrorResponseProcessor<?> delegate;
        private final BeanProvider<ToolPaths> toolPaths;
        private final BeanProvider<ToolResponses> responses;

        Decorator(ErrorResponseProcessor<?> delegate, BeanProvider<ToolPaths> toolPaths,
                BeanProvider<ToolResponses> responses) {
            this.delegate = delegate;
            this.toolPaths = toolPaths;
            this.responses = responses;
        }

        @Override
        @SuppressWarnings("unchecked")
        public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
            HttpRequest<?> request = context.getRequest();
            Optional<Integer> oversized = oversizedHead(request);
            // A head Netty refused has no path to tell whose it is: it gets the envelope.
            if (oversized.isEmpty() && !ownedByToolwire(request)) {
                return (MutableHttpResponse<Object>) delegate.processResponse(context, response);
            }
            int status = oversized.orElse(response.code());
            if (status != response.code()) {
                response.status(status);
            }
            String requestId = RequestIds.of(request);
            MutableHttpResponse<Object> envelope = (MutableHttpResponse<Object>) response;
            envelope.body(responses.get().envelope(failureFor(status), requestId)).contentType(MediaType.APPLICATION_JSON_TYPE);
            return ResponseLabels.label(envelope, requestId);
        }

        /**
         * Micronaut answers any request whose head Netty refused as too long with 413, as if the
         * body were too large. Say what really happened: 431 for headers, 414 for the request line.
         */
        private static Optional<Integer> oversizedHead(HttpRequest<?> request) {
            if (!(request instanceof NettyHttpRequest<?> netty)) {
                return Optional.empty();
            }
            Throwable cause = netty.getNativeRequest().decoderResult().cause();
            if (cause instanceof TooLongHttpHeaderException) {
                return Optional.of(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.getCode());
            }
            if (cause instanceof TooLongHttpLineException) {
                return Optional.of(HttpStatus.REQUEST_URI_TOO_LONG.getCode());
            }
            return Optional.empty();
        }

        private boolean ownedByToolwire(HttpRequest<?> request) {
            Optional<RouteInfo<?>> route = RouteAttributes.getRouteInfo(request);
            if (route.isPresent()) {
                return route.get().getDeclaringType() == ToolEndpoint.class;
            }
            return toolPaths.get().covers(request.getPath());
        }
    }

    /**
     * The failure of a status Micronaut answered on its own for a tool's path, with the code and
     * sentence the endpoint uses for the same refusal.
     */
    static ToolException failureFor(int status) {
        return switch (status) {
            case 400 -> ToolFailures.malformed("Tool call rejected: the request could not be read.");
            case 401 -> new ToolException(401, ToolFailures.UNAUTHORIZED, "Tool call rejected: the caller is not authenticated.");
            case 403 -> new ToolException(403, ToolFailures.FORBIDDEN, "Tool call rejected: the caller may not use this tool.");
            case 404 -> ToolFailures.noTool();
            case 405 -> new ToolException(405, ToolFailures.METHOD_NOT_ALLOWED,
                    "Tool call rejected: this tool does not accept that HTTP method.");
            case 413 -> ToolFailures.tooLarge(0);
            case 414 -> new ToolException(414, ToolFailures.URI_TOO_LONG, "Tool call rejected: the address is too long.");
            case 415 -> ToolFailures.notJson();
            case 429 -> new ToolException(429, ToolFailures.RATE_LIMITED, ToolFailures.RATE_LIMITED_MESSAGE);
            case 431 -> new ToolException(431, ToolFailures.HEADERS_TOO_LARGE,
                    "Tool call rejected: the request headers are too large.");
            case 504 -> ToolFailures.timeout();
            default -> status >= 500 || status < 400
                    ? new ToolException(status >= 500 && status <= 599 ? status : 500, ToolFailures.INTERNAL_ERROR,
                            ToolFailures.INTERNAL_MESSAGE)
                    : new ToolException(status, otherCode(status), "Tool call rejected: the request is not acceptable.");
        };
    }

    private static String otherCode(int status) {
        try {
            return HttpStatus.valueOf(status).name();
        } catch (IllegalArgumentException e) {
            return "BAD_REQUEST";
        }
    }
}
