package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * {@code Authorization: Token <key>} header and the base path, hands it to the first {@link
 * Endpoints} group that serves its route (web tools before agents), and sends the answer (turned
 * into the {@code success: false} artefact when that is scripted).
 */
final class FakeHamsaHandler implements HttpHandler {

    private final FakeHamsa fake;
    private final List<Endpoints> endpoints;
    private final ObjectMapper json;
    private final Clock clock;

    /**
     * @param endpoints the route groups, asked in turn: the first that serves a route answers it
     */
    FakeHamsaHandler(FakeHamsa fake, List<Endpoints> endpoints, ObjectMapper json, Clock clock) {
        this.fake = fake;
        this.endpoints = List.copyOf(endpoints);
        this.json = json;
        this.clock = clock;
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
            fake.requestLog().add(new RecordedRequest(method, path, query, headers, body, reply.status()));
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
                return Reply.error(429, 10429, "Too many requests", null).withHeaders(rateHeaders);
            }
        }
        Integer scripted = fake.failures().poll();
        if (scripted != null) {
            return Reply.error(scripted, 10000 + scripted, "Scripted failure", null).withHeaders(rateHeaders);
        }
        if (!("Token " + fake.apiKey()).equals(headers.get("authorization"))) {
            return Reply.error(401, 10403, "Invalid or missing API key", null).withHeaders(rateHeaders);
        }
        String route = fake.quirks().route(path);
        Reply reply = route == null ? Reply.routeNotFound() : dispatch(method, route, query, body);
        if (!method.equals("GET") && reply.isSuccess()) {
            Integer afterCommit = fake.failuresAfterCommit().poll();
            if (afterCommit != null) {
                reply = Reply.error(afterCommit, 10000 + afterCommit, "Scripted failure after the change was made", null);
            }
        }
        if (fake.quirks().successFalseOnSuccess && reply.isSuccess()) {
            reply = reply.withSuccessFalse();
        }
        return reply.withHeaders(rateHeaders);
    }

    private Reply dispatch(String method, String path, Map<String, String> query, @Nullable JsonNode body) {
        for (Endpoints group : endpoints) {
            Optional<Reply> reply = group.answer(method, path, query, body);
            if (reply.isPresent()) {
                return reply.get();
            }
        }
        return Reply.routeNotFound();
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
        byte[] bytes = reply.body().isTextual()
                ? reply.body().asText().getBytes(StandardCharsets.UTF_8)
                : json.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
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
