package dev.toolwire.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolwire.testing.LocalRedis;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Replicas of one service in this JVM: each a whole application with its own HTTP server, one Redis. */
final class Replicas {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Replicas() {}

    /** An answer: status, body and the headers a test looks at. */
    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    static Map<String, Object> properties(String redisUri, Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("toolwire.store", "redis");
        properties.put("redis.uri", redisUri);
        properties.put("toolwire.auth.default", "none");
        properties.put("toolwire.redis.timeout", "1s");
        properties.put("toolwire.redis.key-prefix", "test:" + System.nanoTime() + ":");
        properties.putAll(more);
        return properties;
    }

    static EmbeddedServer start(Map<String, Object> properties) {
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    /** Stops the replicas, then Redis; any of them may be missing when a start failed. */
    static void stop(LocalRedis redis, EmbeddedServer... replicas) {
        for (EmbeddedServer replica : replicas) {
            if (replica != null) {
                replica.getApplicationContext().close();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    static Answer post(EmbeddedServer replica, String tool, String json) {
        return send(replica, HttpRequest.newBuilder(uri(replica, "/tools/" + tool))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Answer get(EmbeddedServer replica, String path) {
        return send(replica, HttpRequest.newBuilder(uri(replica, path)).GET());
    }

    private static URI uri(EmbeddedServer replica, String path) {
        return URI.create("http://127.0.0.1:" + replica.getPort() + path);
    }

    private static Answer send(EmbeddedServer replica, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
