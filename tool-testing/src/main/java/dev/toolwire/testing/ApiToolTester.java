package dev.toolwire.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/voice-agents/web-tool/test-api-tool} (hamsa-api.md §3.6): validates the body, makes
 * the call it describes (no redirects followed), records it as a {@link TestCall}, and answers the
 * outcome as an event stream in the scripted {@link TestStream} format ({@link TestEvents}).
 */
final class ApiToolTester {

    /** What came of a call: a status (0 when none), the time it took, the answer's body, or an error. */
    record Outcome(int statusCode, long responseTimeMs, JsonNode body, @Nullable String error) {}

    private final ObjectReader strictJson;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final List<TestCall> calls = new ArrayList<>();
    private volatile TestStream format = TestStream.SSE;

    ApiToolTester(ObjectMapper json) {
        this.strictJson = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    void format(TestStream format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    synchronized List<TestCall> calls() {
        return List.copyOf(calls);
    }

    synchronized void clear() {
        calls.clear();
        format = TestStream.SSE;
    }

    Reply answer(JsonNode body) {
        List<String> problems = ApiToolRequest.problems(body);
        if (!problems.isEmpty()) {
            return Reply.invalid(problems);
        }
        ApiToolRequest request = ApiToolRequest.of(body);
        Outcome outcome = call(request);
        synchronized (this) {
            calls.add(new TestCall(request.method(), request.url(), request.recordedHeaders(), request.body(),
                    outcome.statusCode(), outcome.error()));
        }
        return TestEvents.reply(outcome, format);
    }

    private Outcome call(ApiToolRequest request) {
        long start = System.nanoTime();
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
                    .timeout(request.timeout())
                    .method(request.method(), request.body() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(request.body().toString()));
            request.headers().forEach(builder::setHeader);
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Outcome(response.statusCode(), millis, parse(response.body()), null);
        } catch (HttpTimeoutException e) {
            return failed("Timed out after " + request.seconds() + " s");
        } catch (ConnectException e) {
            return failed(unresolved(e) ? "Unknown host " + URI.create(request.url()).getHost() : "Connection refused");
        } catch (IOException e) {
            return failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (IllegalArgumentException e) {
            return failed("Invalid request: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("Interrupted");
        }
    }

    /** The answer as JSON when it is JSON, else as its text. */
    private JsonNode parse(String text) {
        try {
            JsonNode parsed = text.isBlank() ? null : strictJson.readTree(text);
            return parsed == null || parsed.isMissingNode() ? JsonNodeFactory.instance.textNode(text) : parsed;
        } catch (IOException e) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }

    private static boolean unresolved(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static Outcome failed(String error) {
        return new Outcome(0, 0, JsonNodeFactory.instance.nullNode(), error);
    }
}
