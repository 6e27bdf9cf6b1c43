package dev.toolwire.runtime.http;

import io.micronaut.http.HttpRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id of a request: the caller's {@code X-Request-Id} when it is a short, safe token
 * (1 to 64 of {@code [A-Za-z0-9._:-]}), else a random UUID. Computed once and kept as a request
 * attribute, so the filter, the handler and the error envelope agree.
 */
final class RequestIds {

    /** The header carrying the id, in both directions. */
    static final String HEADER = "X-Request-Id";

    private static final String ATTRIBUTE = "toolwire.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {}

    static String of(HttpRequest<?> request) {
        Optional<String> existing = request.getAttribute(ATTRIBUTE, String.class);
        if (existing.isPresent()) {
            return existing.get();
        }
        String incoming = request.getHeaders().get(HEADER);
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }
}
