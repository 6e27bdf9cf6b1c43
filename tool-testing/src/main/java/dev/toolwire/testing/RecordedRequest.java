package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One request the fake received, with the status it answered.
 *
 * <p>Headers are kept as received, including {@code Authorization}, so a test can assert the scheme
 * ({@code Token <key>}); {@link #toString()} masks that header so a failing assertion does not print it.
 *
 * @param method the HTTP method, upper case
 * @param path the path, without the query string
 * @param query the query parameters (the first value of each)
 * @param headers the request headers, names in lower case (the first value of each)
 * @param body the JSON body, or {@code null} when there was none or it was not JSON
 * @param status the status the fake answered
 */
public record RecordedRequest(
        String method, String path, Map<String, String> query, Map<String, String> headers,
        @Nullable JsonNode body, int status) {

    /**
     * Copies the maps.
     *
     * @param method the method
     * @param path the path
     * @param query the query
     * @param headers the headers
     * @param body the body
     * @param status the answered status
     */
    public RecordedRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /**
     * A request header.
     *
     * @param name the header name, any case
     * @return the first value, or empty
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Whether this request asked to change something (any method but {@code GET}) and was answered
     * with a 2xx status, i.e. the fake's state may have changed.
     *
     * @return whether it was a successful write
     */
    public boolean isSuccessfulWrite() {
        return !method.equals("GET") && status >= 200 && status < 300;
    }

    /**
     * Whether this request asked to change something, whatever the answer.
     *
     * @return whether the method is not {@code GET}
     */
    public boolean isWrite() {
        return !method.equals("GET");
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : " " + query) + " -> " + status
                + (header("authorization").isPresent() ? " (Authorization: ****)" : "")
                + (body == null ? "" : " " + body);
    }
}
