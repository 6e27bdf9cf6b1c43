package dev.toolwire.runtime.hamsa;

import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request to Hamsa and returns the envelope's {@code data}: paces requests, waits out
 * 429s ({@code Retry-After}, else {@code X-RateLimit-Reset}), retries 5xx and I/O errors with
 * backoff when the request is safe to repeat, never retries other 4xx, and turns every failure into
 * a {@link HamsaApiException}. The key goes only into the {@code Authorization} header.
 */
@Internal
final class HamsaTransport {

    private static final Logger LOG = LoggerFactory.getLogger(HamsaTransport.class);
    private static final int BODY_LIMIT = 500;

    /** A request: method, path with query, body (or null), and whether repeating it is harmless. */
    record Call(HttpMethod method, String path, @Nullable Object body, boolean idempotent) {}

    private final HttpClient http;
    private final JsonMapper json;
    private final String apiKey;
    private final RequestPacer pacer;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Duration maxRetryWait;

    HamsaTransport(HttpClient http, JsonMapper json, String apiKey, RequestPacer pacer, Backoff backoff,
            int maxAttempts, Duration maxRetryWait) {
        this.http = http;
        this.json = json;
        this.apiKey = apiKey;
        this.pacer = pacer;
        this.backoff = backoff;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.maxRetryWait = maxRetryWait;
    }

    JsonNode send(Call call) {
        for (int attempt = 1; ; attempt++) {
            HamsaApiException failure;
            Duration wait;
            try {
                pacer.acquire();
                HttpResponse<String> response = http.toBlocking().exchange(request(call), String.class);
                noteRemaining(response);
                return data(call, response.code(), response.getBody().orElse(""));
            } catch (HttpClientResponseException e) {
                HttpResponse<?> response = e.getResponse();
                failure = error(call, e.code(), response.getBody(String.class).orElse(""), null);
                wait = failure.kind() == HamsaApiException.Kind.RATE_LIMITED ? rateLimitWait(response, attempt)
                        : failure.kind() == HamsaApiException.Kind.SERVER && call.idempotent() ? backoff.delay(attempt)
                        : null;
            } catch (HttpClientException e) {
                failure = new HamsaApiException(HamsaApiException.Kind.IO, 0, call.method().name(), call.path(), null,
                        redact(String.valueOf(e.getMessage())), "", null);
                wait = call.idempotent() ? backoff.delay(attempt) : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HamsaApiException(HamsaApiException.Kind.IO, 0, call.method().name(), call.path(), null,
                        "interrupted", "", e);
            }
            if (wait == null || attempt >= maxAttempts) {
                throw failure;
            }
            LOG.info("{}; retrying in {} ms (attempt {} of {})", failure.getMessage(), wait.toMillis(), attempt + 1, maxAttempts);
            pacer.holdFor(wait);
        }
    }

    private MutableHttpRequest<?> request(Call call) throws HamsaApiException {
        MutableHttpRequest<Object> request = HttpRequest.create(call.method(), call.path());
        request.header(HttpHeaders.AUTHORIZATION, "Token " + apiKey).accept(MediaType.APPLICATION_JSON_TYPE);
        if (call.body() != null) {
            try {
                request.body(json.writeValueAsString(call.body())).contentType(MediaType.APPLICATION_JSON_TYPE);
            } catch (IOException e) {
                throw new HamsaApiException(HamsaApiException.Kind.REJECTED, 0, call.method().name(), call.path(), null,
                        "the request body could not be written: " + e.getMessage(), "", e);
            }
        }
        return request;
    }

    /** The {@code data} of a 2xx answer; {@code success: false} or unreadable JSON is a failure. */
    private JsonNode data(Call call, int status, String body) {
        JsonNode root;
        try {
            root = body.isBlank() ? JsonNode.nullNode() : json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw error(call, status, body, "the answer is not JSON");
        }
        if (root.isObject() && root.get("success") != null && root.get("success").isBoolean()
                && !root.get("success").getBooleanValue()) {
            throw error(call, status, body, null);
        }
        JsonNode data = root.isObject() ? root.get("data") : null;
        return data != null ? data : root;
    }

    private HamsaApiException error(Call call, int status, String body, @Nullable String reason) {
        Integer code = null;
        String message = reason == null ? "" : reason;
        try {
            JsonNode root = body.isBlank() ? JsonNode.nullNode() : json.readValue(body, JsonNode.class);
            JsonNode error = root.isObject() ? root.get("error") : null;
            JsonNode codeNode = error != null && error.isObject() ? error.get("code") : null;
            if (codeNode != null && (codeNode.isNumber() || codeNode.isString())) {
                code = parseInt(codeNode.coerceStringValue());
            }
            if (reason == null) {
                message = firstText(error != null && error.isObject() ? error.get("message") : null,
                        root.isObject() ? root.get("message") : null, error != null && error.isString() ? error : null);
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: the status and the body excerpt say enough
        }
        HamsaApiException.Kind kind = HamsaApiException.classify(status, code);
        return new HamsaApiException(kind, status, call.method().name(), call.path(), code, redact(message),
                excerpt(body), null);
    }

    private Duration rateLimitWait(HttpResponse<?> response, int attempt) {
        Duration wait = retryAfter(response.getHeaders().get("Retry-After"))
                .or(() -> untilReset(response.getHeaders().get("X-RateLimit-Reset")))
                .orElseGet(() -> backoff.delay(attempt));
        return wait.compareTo(maxRetryWait) > 0 ? maxRetryWait : wait;
    }

    private void noteRemaining(HttpResponse<?> response) {
        String remaining = response.getHeaders().get("X-RateLimit-Remaining");
        Integer left = remaining == null ? null : parseInt(remaining.trim());
        if (left != null && left <= 0) {
            untilReset(response.getHeaders().get("X-RateLimit-Reset"))
                    .map(d -> d.compareTo(maxRetryWait) > 0 ? maxRetryWait : d)
                    .ifPresent(pacer::holdFor);
        }
    }

    static Optional<Duration> retryAfter(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Integer seconds = parseInt(value.trim());
        if (seconds != null) {
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
        }
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(positive(Duration.between(Instant.now(), at)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code X-RateLimit-Reset} is documented as epoch seconds; a value in milliseconds is tolerated. */
    static Optional<Duration> untilReset(@Nullable String value) {
        Long epoch = value == null ? null : parseLong(value.trim());
        if (epoch == null) {
            return Optional.empty();
        }
        Instant at = epoch > 100_000_000_000L ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
        return Optional.of(positive(Duration.between(Instant.now(), at)));
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private String redact(String text) {
        return apiKey.isEmpty() ? text : text.replace(apiKey, "****");
    }

    private String excerpt(String body) {
        String redacted = redact(body);
        return redacted.length() <= BODY_LIMIT ? redacted : redacted.substring(0, BODY_LIMIT) + "...";
    }

    private static String firstText(@Nullable JsonNode... nodes) {
        for (JsonNode node : nodes) {
            if (node != null && node.isString() && !node.getStringValue().isBlank()) {
                return node.getStringValue();
            }
        }
        return "";
    }

    private static @Nullable Integer parseInt(String s) {
        Long l = parseLong(s);
        return l == null || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? null : l.intValue();
    }

    private static @Nullable Long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
