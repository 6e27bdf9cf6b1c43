package dev.toolwire.runtime.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;

/**
 * The headers every answer of a tool route and every Toolwire envelope carries: the call's
 * {@code X-Request-Id}, {@code Cache-Control: no-store} (answers hold customers' data, which no
 * cache between Hamsa and the server may keep) and {@code X-Content-Type-Options: nosniff}.
 */
final class ResponseLabels {

    private ResponseLabels() {}

    /**
     * Labels a response.
     *
     * @param response the response, changed in place
     * @param requestId the call's request id
     * @return {@code response}
     */
    static <T> MutableHttpResponse<T> label(MutableHttpResponse<T> response, String requestId) {
        return response.header(RequestIds.HEADER, requestId)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }
}
