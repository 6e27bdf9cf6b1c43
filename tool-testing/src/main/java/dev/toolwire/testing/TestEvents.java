package dev.toolwire.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The events test-api-tool answers and their framing per {@link TestStream}. Only the first event is
 * documented ({@code attempt}, "Starting API test..."); the rest are the fake's guess.
 */
final class TestEvents {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One event: its name and data. */
    record Event(String name, ObjectNode data) {}

    private TestEvents() {}

    static Reply reply(ApiToolTester.Outcome outcome, TestStream format) {
        List<Event> events = events(outcome, format);
        return switch (format) {
            case SSE, OPAQUE -> Reply.text("text/event-stream", sse(events));
            case NDJSON -> Reply.text("application/x-ndjson", ndjson(events));
            case JSON_ARRAY -> Reply.text("application/json", array(events));
        };
    }

    static List<Event> events(ApiToolTester.Outcome outcome, TestStream format) {
        List<Event> events = new ArrayList<>();
        events.add(new Event("attempt", NODES.objectNode().put("message", "Starting API test...")));
        if (format == TestStream.OPAQUE) {
            events.add(new Event("done", NODES.objectNode()));
            return events;
        }
        if (outcome.error() != null) {
            events.add(new Event("error", NODES.objectNode().put("message", outcome.error())));
            events.add(new Event("complete", NODES.objectNode().put("success", false)));
            return events;
        }
        ObjectNode response = NODES.objectNode().put("statusCode", outcome.statusCode())
                .put("responseTimeMs", outcome.responseTimeMs());
        response.set("body", outcome.body());
        events.add(new Event("response", response));
        events.add(new Event("complete", NODES.objectNode().put("success", outcome.statusCode() < 400)));
        return events;
    }

    private static String sse(List<Event> events) {
        StringBuilder text = new StringBuilder();
        events.forEach(e -> text.append("event: ").append(e.name()).append("\ndata: ").append(e.data()).append("\n\n"));
        return text.toString();
    }

    private static String ndjson(List<Event> events) {
        StringBuilder text = new StringBuilder();
        events.forEach(e -> text.append(object(e)).append('\n'));
        return text.toString();
    }

    private static String array(List<Event> events) {
        ArrayNode array = NODES.arrayNode();
        events.forEach(e -> array.add(object(e)));
        return array.toString();
    }

    private static ObjectNode object(Event event) {
        ObjectNode object = NODES.objectNode().put("event", event.name());
        object.set("data", event.data());
        return object;
    }
}
