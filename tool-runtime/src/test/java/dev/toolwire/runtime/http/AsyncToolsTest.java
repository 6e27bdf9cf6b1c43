package dev.toolwire.runtime.http;

import static dev.toolwire.runtime.Polling.eventually;
import static dev.toolwire.runtime.Exchanges.exchange;
import static dev.toolwire.runtime.http.HttpCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.Exchanges;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.http.slow.SlowTools;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Timeouts, {@code CompletionStage} and {@code Publisher} tools over HTTP. The blocking executor is
 * cut to two threads, so a tool that held one while it waited would starve the others.
 */
@MicronautTest
@Property(name = "spec.name", value = "AsyncToolsTest")
@Property(name = "toolwire.auth.default", value = "none")
@Property(name = "micronaut.executors.blocking.type", value = "fixed")
@Property(name = "micronaut.executors.blocking.n-threads", value = "2")
class AsyncToolsTest {

    private static final int CONCURRENT_CALLS = 60;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Inject
    SlowTools tools;

    @Test
    void slowBlockingTool_timesOutAtItsDeadline_andIsInterrupted() throws Exception {
        long start = System.nanoTime();
        Exchanges.Answer answer = exchange(client, HttpRequest.POST("/tools/sleepy", ""));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Instant answeredAt = Instant.now();

        assertEquals(504, answer.status());
        assertEquals("TIMEOUT", answer.body().path("error").path("code").asText());
        assertTrue(answer.body().path("error").path("message").asText().startsWith("That is taking longer than expected"));
        assertEquals(answer.requestId(), answer.body().path("error").path("requestId").asText());
        assertTrue(elapsedMillis >= 1000, "answered before the 1 s timeout: " + elapsedMillis + " ms");
        assertTrue(elapsedMillis < 9000, "answered long after the 1 s timeout: " + elapsedMillis + " ms");
        Instant deadline = tools.sleepyDeadline.get();
        assertNotNull(deadline);
        assertFalse(answeredAt.isBefore(deadline.minusMillis(10)), "the enforced deadline is the one the tool saw");
        assertTrue(tools.interrupted.await(10, TimeUnit.SECONDS), "the blocking tool was interrupted");
    }

    @Test
    void completionStageTools_holdNoThreadWhileTheyWait() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        List<CompletableFuture<java.net.http.HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_CALLS; i++) {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/tools/pending"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"key\":\"k" + i + "\"}"))
                    .build();
            responses.add(http.sendAsync(request, BodyHandlers.ofString()));
        }
        // With two blocking threads, all calls can be in the tool at once only if none holds a thread.
        assertTrue(eventually(() -> tools.pending.size() >= CONCURRENT_CALLS, Duration.ofSeconds(30)),
                "only " + tools.pending.size() + " of " + CONCURRENT_CALLS + " calls reached the tool");
        assertTrue(tools.pendingThreads.size() <= 2, "more than two blocking threads: " + tools.pendingThreads);
        for (String thread : tools.pendingThreads) {
            assertFalse(thread.toLowerCase(Locale.ROOT).contains("eventloop"), thread);
        }
        tools.pending.forEach((key, future) -> future.complete("done " + key));
        for (int i = 0; i < CONCURRENT_CALLS; i++) {
            java.net.http.HttpResponse<String> response = responses.get(i).get(30, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            assertEquals(json("{'result':'done k" + i + "'}"), Json.MAPPER.readTree(response.body()));
        }
    }

    @Test
    void blockingTool_runsOnTheBlockingExecutor() {
        Exchanges.Answer answer = exchange(client, HttpRequest.POST("/tools/blocking_thread_name", ""));
        assertEquals(200, answer.status());
        String thread = answer.body().path("result").asText();
        assertFalse(thread.toLowerCase(Locale.ROOT).contains("eventloop"), thread);
        assertTrue(thread.contains("blocking"), "not on the configured blocking executor: " + thread);
    }

    @Test
    void blockingTool_whoseBodyArrivesAfterAuthentication_stillRunsOnTheBlockingExecutor() throws Exception {
        String response = postBodyLate("/tools/blocking_thread_name", "{}");
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertFalse(response.toLowerCase(Locale.ROOT).contains("eventloop"), response);
        assertTrue(response.contains("blocking"), "not on the configured blocking executor: " + response);
    }

    /**
     * Sends a chunked POST's head, waits until the call is authenticated and waiting for its body,
     * then sends the body as one chunk; the event loop delivers it.
     *
     * @return the raw response
     */
    private String postBodyLate(String path, String body) throws Exception {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(300);
            byte[] chunk = body.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(chunk);
            out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void nonBlockingTool_runsOnTheEventLoop() {
        Exchanges.Answer answer = exchange(client, HttpRequest.POST("/tools/non_blocking_thread_name", "{\"name\":\"Ada\"}"));
        assertEquals(200, answer.status());
        String thread = answer.body().path("result").asText();
        assertTrue(thread.toLowerCase(Locale.ROOT).contains("eventloop"), "not on an event loop: " + thread);
        assertTrue(thread.endsWith(" Ada"), thread);
    }

    @Test
    void nonBlockingTool_whoseBodyArrivesLate_staysOnTheEventLoop() throws Exception {
        String response = postBodyLate("/tools/non_blocking_thread_name", "{\"name\":\"Ada\"}");
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.toLowerCase(Locale.ROOT).contains("eventloop"), response);
        assertTrue(response.contains(" Ada"), response);
    }

    @Test
    void nonBlockingCompletionStageThatNeverCompletes_stillTimesOutAndIsCancelled() {
        Instant start = Instant.now();
        Exchanges.Answer answer = exchange(client, HttpRequest.POST("/tools/non_blocking_never_completes", ""));
        assertEquals(504, answer.status());
        assertEquals("TIMEOUT", answer.body().path("error").path("code").asText());
        assertTrue(Duration.between(start, Instant.now()).toMillis() >= 1000, "answered before the deadline");
        assertTrue(eventually(() -> tools.abandonedNonBlocking.get() != null && tools.abandonedNonBlocking.get().isCancelled(),
                Duration.ofSeconds(5)));
    }

    @Test
    void completionStageThatNeverCompletes_timesOutAndIsCancelled() {
        Exchanges.Answer answer = exchange(client, HttpRequest.POST("/tools/never_completes", ""));
        assertEquals(504, answer.status());
        assertEquals("TIMEOUT", answer.body().path("error").path("code").asText());
        assertTrue(eventually(() -> tools.abandoned.get() != null && tools.abandoned.get().isCancelled(),
                Duration.ofSeconds(5)));
    }

    @Test
    void completionStageOfVoid_answersSuccess() {
        Exchanges.Answer answer = exchange(client, HttpRequest.POST("/tools/fire_and_forget", ""));
        assertEquals(200, answer.status());
        assertEquals(json("{'success':true}"), answer.body());
    }

    @Test
    void failedCompletionStage_answersItsEnvelope() {
        Exchanges.Answer answer = exchange(client, HttpRequest.POST("/tools/missing_async", ""));
        assertEquals(404, answer.status());
        JsonNode error = answer.body().path("error");
        assertEquals("NOT_FOUND", error.path("code").asText());
        assertEquals("I couldn't find it.", error.path("message").asText());
    }

    @Test
    void publisherTool_answersItsValue() {
        Exchanges.Answer answer = exchange(client, HttpRequest.POST("/tools/greet", "{\"name\":\"Ada\"}"));
        assertEquals(200, answer.status());
        assertEquals(json("{'result':'Hello, Ada'}"), answer.body());
    }

    @Test
    void silentPublisher_timesOutAndIsCancelled() {
        Exchanges.Answer answer = exchange(client, HttpRequest.POST("/tools/silent", ""));
        assertEquals(504, answer.status());
        assertTrue(eventually(() -> tools.silentPublisher.get() != null && tools.silentPublisher.get().cancelled.get(),
                Duration.ofSeconds(5)));
    }

}
