package dev.toolwire.runtime.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
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
 * Sends one request to Hamsa and returns the envelope's {@code data} (or the whole answer when it
 * has none): paces requests; waits out 429s as long as {@code Retry-After} (else
 * {@code X-RateLimit-Reset}) says, within the run's {@link WaitBudget}; retries 5xx and I/O errors
 * with backoff when the request is safe to repeat; never retries other 4xx; and turns every failure
 * into a {@link HamsaApiException}. A 2xx answer is a success unless its body carries an
 * {@code error}: seed 002 shows a successful answer with {@code success: false, message: "success"}.
 * Paths are appended to the base URL's own path, so a base URL behind a proxy prefix keeps it. The
 * key goes only into the {@code Authorization} header.
 */
@Internal
final class HamsaTransport {

    private static final Logger LOG = LoggerFactory.getLogger(HamsaTransport.class);
    private static final int BODY_LIMIT = 500;

    /** A request: method, path (with query, without the base path), body (or null), and whether repeating it is harmless. */
    record Call(HttpMethod method, String path, @Nullable JsonNode body, boolean idempotent) {

        /** Leaves the body out: it may hold credentials. */
        @Override
        public String toString() {
            return "Call[" + method + " " + path + (body == null ? "" : " with a body") + "]";
        }
    }

    private final HttpClient http;
    private final String basePath;
    private final String apiKey;
    private final RequestPacer pacer;
    private final Backoff backoff;
    private final int maxAttempts;

    HamsaTransport(HttpClient http, String basePath, String apiKey, RequestPacer pacer, Backoff backoff, int maxAttempts) {
        this.http = http;
        this.basePath = basePath;
        this.apiKey = apiKey;
        this.pacer = pacer;
        this.backoff = backoff;
        this.maxAttempts = Math.max(1, maxAttempts);
    }

    JsonNode send(Call call, WaitBudget budget) {
        return send(call, budget, this::data);
    }

    /** Sends a call whose 2xx answer is not Hamsa's JSON envelope (an event stream): its text, as it came. */
    String sendForText(Call call, WaitBudget budget) {
        return send(call, budget, (c, status, body) -> body);
    }

    /** Reads a 2xx answer: the call, the status and the body text. */
    @FunctionalInterface
    private interface AnswerReader<T> {
        T read(Call call, int status, String body);
    }

    private <T> T send(Call call, WaitBudget budget, AnswerReader<T> reader) {
        for (int attempt = 1; ; attempt++) {
            HamsaApiException failure;
            Duration wait;
            try {
                pacer.acquire();
                HttpResponse<String> response = http.toBlocking().exchange(request(call), String.class);
                noteRemaining(response, budget);
                String body = response.getBody().orElse("");
                if (response.code() < 200 || response.code() >= 300) {
                    // Redirects are not followed: whatever it is, it is not the answer of the API.
                    throw error(call, response.code(), body, "unexpected status " + response.code());
                }
                return reader.read(call, response.code(), body);
            } catch (HttpClientResponseException e) {
                HttpResponse<?> response = e.getResponse();
                failure = error(call, e.code(), response.getBody(String.class).orElse(""), null);
                if (failure.kind() == HamsaApiException.Kind.RATE_LIMITED) {
                    wait = rateLimitWait(response, attempt);
                    if (!budget.take(wait)) {
                        throw budgetSpent(call, failure, wait, budget);
                    }
                    LOG.info("{}; Hamsa asked to wait, retrying in {} ms", failure.getMessage(), wait.toMillis());
                    pacer.holdFor(wait);
                    continue;
                }
                wait = failure.kind() == HamsaApiException.Kind.SERVER && call.idempotent() ? backoff.delay(attempt) : null;
            } catch (HttpClientException e) {
                failure = new HamsaApiException(HamsaApiException.Kind.IO, 0, call.method().name(), path(call), null,
                        redact(String.valueOf(e.getMessage())), "", null);
                wait = call.idempotent() ? backoff.delay(attempt) : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HamsaApiException(HamsaApiException.Kind.IO, 0, call.method().name(), path(call), null,
                        "interrupted", "", e);
            }
            if (wait == null || attempt >= maxAttempts) {
                throw failure;
            }
            LOG.info("{}; retrying in {} ms (attempt {} of {})", failure.getMessage(), wait.toMillis(), attempt + 1, maxAttempts);
            pacer.holdFor(wait);
        }
    }

    private HamsaApiException budgetSpent(Call call, HamsaApiException failure, Duration wait, WaitBudget budget) {
        return new HamsaApiException(HamsaApiException.Kind.RATE_LIMITED, failure.status(), call.method().name(),
                path(call), failure.hamsaCode(), "Hamsa asked to wait " + wait.toMillis() + " ms, more than the "
                + budget.left().toMillis() + " ms left of this run's toolwire.hamsa.max-wait", failure.body(), null);
    }

    private String path(Call call) {
        return basePath + call.path();
    }

    private MutableHttpRequest<?> request(Call call) {
        MutableHttpRequest<Object> request = HttpRequest.create(call.method(), path(call));
        request.header(HttpHeaders.AUTHORIZATION, "Token " + apiKey).accept(MediaType.APPLICATION_JSON_TYPE);
        if (call.body() != null) {
            request.body(call.body().toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return request;
    }

    /** The {@code data} of a 2xx answer, else the answer itself; an {@code error} in it, or unreadable JSON, is a failure. */
    private JsonNode data(Call call, int status, String body) {
        JsonNode root;
        try {
            root = body.isBlank() ? NullNode.getInstance() : HamsaJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw error(call, status, body, "the answer is not JSON");
        }
        if (root.isObject() && carriesError(root.get("error"))) {
            throw error(call, status, body, null);
        }
        JsonNode data = root.isObject() ? root.get("data") : null;
        return data != null && !data.isNull() ? data : root;
    }

    private static boolean carriesError(@Nullable JsonNode error) {
        return error != null && (error.isObject() && !error.isEmpty() || error.isTextual() && !error.asText().isBlank());
    }

    private HamsaApiException error(Call call, int status, String body, @Nullable String reason) {
        Integer code = null;
        String message = reason == null ? "" : reason;
        try {
            JsonNode root = body.isBlank() ? NullNode.getInstance() : HamsaJson.MAPPER.readTree(body);
            JsonNode error = root.path("error");
            JsonNode codeNode = error.path("code");
            if (codeNode.isNumber() || codeNode.isTextual()) {
                code = parseInt(codeNode.asText());
            }
            if (reason == null) {
                message = firstText(error.path("message"), root.path("message"), error);
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: the status and the body excerpt say enough
        }
        HamsaApiException.Kind kind = HamsaApiException.classify(status, code);
        return new HamsaApiException(kind, status, call.method().name(), path(call), code, redact(message),
                excerpt(body), null);
    }

    private Duration rateLimitWait(HttpResponse<?> response, int attempt) {
        return retryAfter(response.getHeaders().get("Retry-After"))
                .or(() -> untilReset(response.getHeaders().get("X-RateLimit-Reset")))
                .filter(wait -> !wait.isZero())
                .orElseGet(() -> backoff.delay(attempt));
    }

    /** An exhausted {@code X-RateLimit-Remaining} holds the next request until the reset, when the budget covers it. */
    private void noteRemaining(HttpResponse<?> response, WaitBudget budget) {
        String remaining = response.getHeaders().get("X-RateLimit-Remaining");
        Integer left = remaining == null ? null : parseInt(remaining.trim());
        if (left != null && left <= 0) {
            untilReset(response.getHeaders().get("X-RateLimit-Reset"))
                    .filter(budget::take)
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

    private static String firstText(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            if (node.isTextual() && !node.asText().isBlank()) {
                return node.asText();
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
