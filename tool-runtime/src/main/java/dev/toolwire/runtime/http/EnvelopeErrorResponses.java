package dev.toolwire.runtime.http;

import dev.toolwire.runtime.invoke.Envelopes;
import dev.toolwire.runtime.invoke.ToolOutcome;
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
import java.util.List;
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

    EnvelopeErrorResponses(BeanProvider<ToolPaths> toolPaths) {
        this.toolPaths = toolPaths;
    }

    @Override
    public ErrorResponseProcessor<?> onCreated(BeanCreatedEvent<ErrorResponseProcessor<?>> event) {
        ErrorResponseProcessor<?> delegate = event.getBean();
        return new Decorator(delegate, toolPaths);
    }

    /** Answers with the envelope where Toolwire owns the route, else asks Micronaut's processor. */
    private static final class Decorator implements ErrorResponseProcessor<Object> {

        private final ErrorResponseProcessor<?> delegate;
        private final BeanProvider<ToolPaths> toolPaths;

        Decorator(ErrorResponseProcessor<?> delegate, BeanProvider<ToolPaths> toolPaths) {
            this.delegate = delegate;
            this.toolPaths = toolPaths;
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
            ToolOutcome outcome = Envelopes.of(status, code(status), message(status), List.of(), requestId);
            MutableHttpResponse<Object> envelope = (MutableHttpResponse<Object>) response;
            envelope.body(outcome.body()).contentType(MediaType.APPLICATION_JSON_TYPE);
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

    static String code(int status) {
        switch (status) {
            case 400: return Envelopes.MALFORMED_REQUEST;
            case 401: return Envelopes.UNAUTHORIZED;
            case 403: return Envelopes.FORBIDDEN;
            case 404: return Envelopes.NOT_FOUND;
            case 405: return Envelopes.METHOD_NOT_ALLOWED;
            case 413: return Envelopes.PAYLOAD_TOO_LARGE;
            case 415: return Envelopes.UNSUPPORTED_MEDIA_TYPE;
            case 429: return Envelopes.RATE_LIMITED;
            case 414: return "URI_TOO_LONG";
            case 431: return Envelopes.HEADERS_TOO_LARGE;
            case 504: return Envelopes.TIMEOUT;
            default:
                if (status >= 500) {
                    return Envelopes.INTERNAL_ERROR;
                }
                try {
                    return HttpStatus.valueOf(status).name();
                } catch (IllegalArgumentException e) {
                    return "BAD_REQUEST";
                }
        }
    }

    static String message(int status) {
        switch (status) {
            case 400: return "Tool call rejected: the request could not be read.";
            case 401: return "Tool call rejected: the caller is not authenticated.";
            case 403: return "Tool call rejected: the caller may not use this tool.";
            case 404: return "There is no tool at this address.";
            case 405: return "Tool call rejected: this tool does not accept that HTTP method.";
            case 413: return "Tool call rejected: the request body is too large.";
            case 415: return "Tool call rejected: send the arguments as application/json.";
            case 429: return "Tool call rejected: too many calls, please try again in a minute.";
            case 414: return "Tool call rejected: the address is too long.";
            case 431: return "Tool call rejected: the request headers are too large.";
            case 504: return "Sorry, the tool took too long to answer.";
            default:
                return status >= 500 ? Envelopes.INTERNAL_MESSAGE : "Tool call rejected: the request is not acceptable.";
        }
    }
}
