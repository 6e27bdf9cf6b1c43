package dev.toolwire.runtime.http;

import io.micronaut.core.annotation.Internal;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Puts an {@code X-Request-Id} header on every response, success and failure alike. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Internal
public final class RequestIdFilter implements Ordered {

    /**
     * Fixes the request id before anything else reads it.
     *
     * @param request the request
     */
    @RequestFilter
    public void assignRequestId(HttpRequest<?> request) {
        RequestIds.of(request);
    }

    /**
     * Echoes the request id.
     *
     * @param request the request
     * @param response the response
     */
    @ResponseFilter
    public void echoRequestId(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set(RequestIds.HEADER, RequestIds.of(request));
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 100;
    }
}
