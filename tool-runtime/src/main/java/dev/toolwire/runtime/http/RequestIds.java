package dev.toolwire.runtime.http;

import io.micronaut.http.HttpRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The request id of a request: the caller's {@code X-Request-Id} when it is a short, safe token
 * (1 to 64 of {@code [A-Za-z0-9._:-]}), else a random UUID. Computed once and kept as a request
 * attribute, so the handler, the error envelope and the {@code X-Request-Id} response header agree.
 */
final class RequestIds {

    /** The header carrying the id, in both directions. */
    static final String HEADER = "X-Request-Id";

    private static final String ATTRIBUTE = "toolwire.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {}

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: a request id must be unique, not
     * unguessable, and {@link UUID#randomUUID()}'s shared {@code SecureRandom} costs more than the
     * rest of a small call's bookkeeping.
     */
    static String randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0xCL << 60) | 0x8L << 60;
        return new UUID(high, low).toString();
    }

    static String of(HttpRequest<?> request) {
        // The untyped lookup: the typed one goes through the conversion service on every call.
        Optional<Object> existing = request.getAttribute(ATTRIBUTE);
        if (existing.isPresent() && existing.get() instanceof String known) {
            return known;
        }
        String incoming = request.getHeaders().get(HEADER);
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : randomId();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }
}
