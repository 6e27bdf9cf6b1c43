package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Receives every request: records it, applies the scripted rate limit and failures, checks the
 * {@code Authorization: Token <key>} header, routes it, and answers in Hamsa's envelope.
 */
final class FakeHamsaHandler implements HttpHandler {

    private static final String TOOL = "/voice-agents/web-tool";

    private final FakeHamsa fake;
    private final ObjectMapper json;
    private final Clock clock;

    FakeHamsaHandler(FakeHamsa fake, ObjectMapper json, Clock clock) {
        this.fake = fake;
        this.json = json;
        this.clock = clock;
    }

    /** An answer: status, JSON body, extra headers. */
    record Reply(int status, JsonNode body, Map<String, String> headers) {
        Reply(int status, JsonNode body) {
            this(status, body, new LinkedHashMap<>());
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            JsonNode body = readBody(exchange.getRequestBody());
            Reply reply = answer(method, path, query, headers, body);
            fake.record(new RecordedRequest(method, path, query, headers, body, reply.status()));
            fake.pause();
            send(exchange, reply);
        }
    }

    private Reply answer(String method, String path, Map<String, String> query, Map<String, String> headers,
            @Nullable JsonNode body) {
        Map<String, String> rateHeaders = new LinkedHashMap<>();
        Optional<RateWindow> window = fake.rateWindow();
        if (window.isPresent()) {
            RateWindow.Decision decision = window.get().take();
            rateHeaders.put("X-RateLimit-Limit", String.valueOf(decision.limit()));
            rateHeaders.put("X-RateLimit-Remaining", String.valueOf(decision.remaining()));
            rateHeaders.put("X-RateLimit-Reset", String.valueOf(decision.reset().getEpochSecond()));
            if (!decision.allowed()) {
                rateHeaders.put("Retry-After", String.valueOf(decision.retryAfterSeconds(clock.instant())));
                return withHeaders(error(429, 10429, "Too many requests", null), rateHeaders);
            }
        }
        Integer scripted = fake.nextFailure();
        if (scripted != null) {
            return withHeaders(error(scripted, 10000 + scripted, "Scripted failure", null), rateHeaders);
        }
        if (!("Token " + fake.apiKey()).equals(headers.get("authorization"))) {
            return withHeaders(error(401, 10403, "Invalid or missing API key", null), rateHeaders);
        }
        Reply reply = route(method, path, query, body);
        if (!method.equals("GET") && reply.status() < 300) {
            Integer afterCommit = fake.nextFailureAfterCommit();
            if (afterCommit != null) {
                reply = error(afterCommit, 10000 + afterCommit, "Scripted failure after the change was made", null);
            }
        }
        return withHeaders(reply, rateHeaders);
    }

    private Reply route(String method, String path, Map<String, String> query, @Nullable JsonNode body) {
        String rest = path.startsWith("/v1" + TOOL) || path.startsWith("/v2" + TOOL) ? path.substring(3 + TOOL.length()) : null;
        if (rest == null) {
            return error(404, 10404, "Route not found", null);
        }
        if (method.equals("GET") && rest.equals("/list")) {
            return list(query);
        }
        if (method.equals("POST") && rest.isEmpty()) {
            return write(body, null);
        }
        if (method.equals("POST") && rest.equals("/toggle-activation") && path.startsWith("/v1")) {
            return toggle(body);
        }
        if (method.equals("POST") && rest.equals("/test-api-tool") && path.startsWith("/v1")) {
            return testApiTool(body);
        }
        if (rest.matches("/[^/]+")) {
            String id = rest.substring(1);
            if (method.equals("PATCH")) {
                return write(body, id);
            }
            if (method.equals("GET") && path.startsWith("/v1")) {
                return fake.store().get(id).map(t -> ok(200, t)).orElseGet(() -> notFound(id));
            }
        }
        return error(404, 10404, "Route not found", null);
    }

    private Reply list(Map<String, String> query) {
        Integer page = positive(query.getOrDefault("skip", "1"));
        Integer size = positive(query.getOrDefault("take", "10"));
        if (page == null || size == null) {
            return error(400, 10400, "Validation failed", List.of("skip and take must be integers of at least 1"));
        }
        String active = query.get("isActive");
        List<ObjectNode> all = fake.store().latest(query.get("search"), active == null ? null : Boolean.valueOf(active));
        ObjectNode data = json.createObjectNode();
        data.set("items", ToolStore.page(json, all, page, size));
        data.put("total", all.size());
        data.put("filtered", data.get("items").size());
        return ok(200, data);
    }

    private Reply write(@Nullable JsonNode body, @Nullable String id) {
        List<String> problems = WebToolValidator.problems(body == null ? json.nullNode() : body);
        if (!problems.isEmpty()) {
            return error(400, 10400, "Validation failed", problems);
        }
        if (id == null) {
            ObjectNode created = fake.store().create(body);
            ObjectNode reply = envelope(created);
            reply.put("message", "Web tool created successfully").put("messageKey", "WebToolCreatedSuccessfully");
            return new Reply(201, reply);
        }
        return fake.store().update(id, body).map(t -> ok(200, t)).orElseGet(() -> notFound(id));
    }

    private Reply toggle(@Nullable JsonNode body) {
        String id = body == null ? "" : body.path("id").asText("");
        if (id.isEmpty() || (body.has("isActive") && !body.get("isActive").isBoolean())) {
            return error(400, 10400, "Validation failed", List.of("id is required; isActive must be a boolean"));
        }
        Boolean active = body.has("isActive") ? body.get("isActive").asBoolean() : null;
        return fake.store().activate(id, active).map(t -> ok(200, t)).orElseGet(() -> notFound(id));
    }

    private Reply testApiTool(@Nullable JsonNode body) {
        if (body == null || !body.path("projectId").isTextual() || !body.path("serverUrl").isTextual()
                || !body.path("method").isTextual()) {
            return error(400, 10400, "Validation failed", List.of("projectId, serverUrl and method are required"));
        }
        ObjectNode event = json.createObjectNode().put("event", "attempt");
        event.putObject("data").put("message", "Starting API test...");
        return new Reply(200, event);
    }

    private Reply ok(int status, JsonNode data) {
        return new Reply(status, envelope(data));
    }

    private ObjectNode envelope(JsonNode data) {
        ObjectNode envelope = json.createObjectNode().put("success", true);
        envelope.set("data", data);
        return envelope;
    }

    private Reply notFound(String id) {
        return error(404, 10404, "Web tool " + id + " does not exist", null);
    }

    private Reply error(int status, int code, String message, @Nullable List<String> problems) {
        ObjectNode body = json.createObjectNode().put("success", false).put("message", message);
        ObjectNode error = body.putObject("error").put("code", code).put("message", message);
        ObjectNode details = error.putObject("details");
        if (problems != null) {
            problems.forEach(details.putArray("errors")::add);
        }
        return new Reply(status, body);
    }

    private static Reply withHeaders(Reply reply, Map<String, String> headers) {
        reply.headers().putAll(headers);
        return reply;
    }

    private @Nullable JsonNode readBody(InputStream in) {
        try {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? null : json.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = json.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static @Nullable Integer positive(String value) {
        try {
            int n = Integer.parseInt(value);
            return n >= 1 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> query(@Nullable String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.putIfAbsent(key, value);
            }
        }
        return query;
    }
}
