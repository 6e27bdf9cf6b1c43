package dev.toolwire.runtime.hamsa;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads test-api-tool's answer, an event stream Hamsa documents only by its first event
 * ({@code {"event": "attempt", "data": {"message": "Starting API test..."}}}): Server-Sent Events,
 * one JSON object per line, a JSON array of events, or a single JSON object. The tool's status is
 * any {@code statusCode} / {@code status} / {@code code} between 100 and 599 found in an event's data
 * (or under its {@code response} / {@code result}) other than an error event's; the time any
 * {@code responseTimeMs} / {@code durationMs} / {@code responseTime} / {@code duration}; an
 * {@code error} / {@code failed} event's message (and only that) is what went wrong. The last of each wins.
 */
final class TestStreamReader {

    private static final Set<String> ERROR_EVENTS = Set.of("error", "failed", "failure", "timeout");

    private TestStreamReader() {}

    /** One event: its name (empty when unnamed) and data. */
    private record Event(String name, JsonNode data) {}

    static TestOutcome read(String text) {
        List<Event> events = events(text);
        Integer status = null;
        Long time = null;
        JsonNode body = null;
        String error = null;
        for (Event event : events) {
            if (ERROR_EVENTS.contains(event.name().toLowerCase(Locale.ROOT))) {
                // Hamsa's own failure: its numbers are not the tool's status. Only its message is shown;
                // the rest may echo the request, credentials included.
                JsonNode message = event.data().isTextual() ? event.data() : event.data().path("message");
                error = message.isTextual() && !message.asText().isBlank() ? message.asText() : "an error without a message";
                continue;
            }
            for (JsonNode scope : List.of(event.data(), event.data().path("response"), event.data().path("result"))) {
                Integer found = status(scope);
                status = found != null ? found : status;
                Long took = first(scope, "responseTimeMs", "durationMs", "responseTime", "duration", "timeMs");
                time = took != null ? took : time;
                if (scope.has("body")) {
                    body = scope.get("body");
                }
            }
        }
        return new TestOutcome(status, time, body, error, events.stream().map(Event::name).toList());
    }

    private static List<Event> events(String text) {
        String trimmed = text.strip();
        List<Event> events = new ArrayList<>();
        JsonNode whole = json(trimmed);
        if (whole != null && whole.isArray()) {
            whole.forEach(e -> events.add(event(e)));
        } else if (whole != null && whole.isObject()) {
            events.add(event(whole));
        } else if (trimmed.lines().anyMatch(l -> l.startsWith("data:") || l.startsWith("event:"))) {
            serverSentEvents(trimmed, events);
        } else {
            trimmed.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
                JsonNode line = json(l);
                events.add(line != null ? event(line) : new Event("", new TextNode(l)));
            });
        }
        return events;
    }

    private static void serverSentEvents(String text, List<Event> events) {
        String name = "";
        StringBuilder data = new StringBuilder();
        for (String line : (text + "\n\n").lines().toList()) {
            if (line.isBlank()) {
                if (!name.isEmpty() || data.length() > 0) {
                    JsonNode parsed = json(data.toString());
                    events.add(parsed != null && parsed.has("event") && name.isEmpty() ? event(parsed)
                            : new Event(name, parsed != null ? parsed : new TextNode(data.toString())));
                }
                name = "";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).strip());
            }
        }
    }

    private static Event event(JsonNode node) {
        JsonNode name = node.path("event").isTextual() ? node.get("event") : node.path("type");
        JsonNode data = node.has("data") ? node.get("data") : node;
        return new Event(name.isTextual() ? name.asText() : "", data);
    }

    private static @Nullable Integer status(JsonNode scope) {
        for (String field : List.of("statusCode", "status", "code", "httpStatus")) {
            JsonNode value = scope.path(field);
            int code = value.isIntegralNumber() ? value.intValue()
                    : value.isTextual() && value.asText().strip().matches("\\d{3}") ? Integer.parseInt(value.asText().strip()) : 0;
            if (code >= 100 && code <= 599) {
                return code;
            }
        }
        return null;
    }

    private static @Nullable Long first(JsonNode scope, String... fields) {
        for (String field : fields) {
            JsonNode value = scope.path(field);
            if (value.isNumber()) {
                return value.longValue();
            }
        }
        return null;
    }

    /** The text as one JSON value, or null when it is not exactly one (JSON lines are several). */
    private static @Nullable JsonNode json(String text) {
        if (text.isEmpty() || !(text.startsWith("{") || text.startsWith("["))) {
            return null;
        }
        try {
            return HamsaJson.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
