package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP call a {@link FakeHamsa} made for {@code test-api-tool} ({@link FakeHamsa#testCalls()}):
 * what it sent and what came of it.
 *
 * <p>Headers are kept as sent, {@code Authorization} included, so a test can assert how it was
 * composed; {@link #toString()} masks that header's value.
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param url the URL called, with the query parameters
 * @param headers the headers the fake set, names in lower case, in the order set
 * @param body the JSON body sent, or {@code null} when none
 * @param statusCode the status answered, or 0 when no answer came
 * @param error what went wrong when no answer came (e.g. {@code Connection refused}), else {@code null}
 */
public record TestCall(
        String method, String url, Map<String, String> headers, @Nullable JsonNode body, int statusCode,
        @Nullable String error) {

    /**
     * Copies the headers.
     *
     * @param method the method
     * @param url the URL
     * @param headers the headers
     * @param body the body
     * @param statusCode the status, or 0
     * @param error the error, or {@code null}
     */
    public TestCall {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * A header the fake sent.
     *
     * @param name the header name, any case
     * @return its value, or empty
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(headers);
        shown.computeIfPresent("authorization", (k, v) -> Secrets.MASK);
        return method + " " + url + " " + shown + (body == null ? "" : " " + body) + " -> "
                + (error == null ? String.valueOf(statusCode) : error);
    }
}
