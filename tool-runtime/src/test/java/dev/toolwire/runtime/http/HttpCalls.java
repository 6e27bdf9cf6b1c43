package dev.toolwire.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.descriptor.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Test helper: JSON written with single quotes; the exchanges themselves are {@code Exchanges}'. */
final class HttpCalls {

    private HttpCalls() {}

    /** A request body written with single quotes. */
    static String q(String json) {
        return json.replace('\'', '"');
    }

    /**
     * Parses JSON written with single quotes for double quotes, and backticks for apostrophes.
     */
    static JsonNode json(String json) {
        try {
            return Json.MAPPER.readTree(json.replace('\'', '"').replace('`', '\''));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
