package dev.toolwire.runtime.invoke;

import static dev.toolwire.runtime.Polling.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.JobRecord;
import dev.toolwire.runtime.JobStore;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.http.InFlightCalls;
import dev.toolwire.runtime.invoke.gated.GatedTools;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * While a graceful shutdown drains the server, calls in flight are still served to the end: a job is
 * acknowledged within its window, deadlines are enforced, a job that finishes records its result
 * (which a shared {@code JobStore} would serve from another instance), and a call that would outlast
 * the grace period is answered {@code 503 UNAVAILABLE} before it ends. Each test closes the context
 * as a SIGTERM does, right after its call reached the tool and well within its acknowledgement window.
 */
class JobsDuringShutdownTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ApplicationContext context;
    private URI base;
    private GatedTools tools;
    private JobStore store;

    private void start(String gracePeriod) {
        context = ApplicationContext.run(Map.of(
                "spec.name", "GatedTools",
                "toolwire.auth.default", "none",
                "micronaut.server.port", -1,
                "micronaut.lifecycle.graceful-shutdown.enabled", true,
                "micronaut.lifecycle.graceful-shutdown.grace-period", gracePeriod));
        base = context.getBean(EmbeddedServer.class).start().getURI();
        tools = context.getBean(GatedTools.class);
        store = context.getBean(JobStore.class);
    }

    @AfterEach
    void stop() {
        if (context != null && context.isRunning()) {
            context.close();
        }
    }

    @Test
    void jobInFlight_isAcknowledgedWhileDraining_thenRecordsItsResult_andTheShutdownWaitsForIt() throws Exception {
        start("10s");
        CompletableFuture<HttpResponse<String>> call = call("/tools/slow_to_acknowledge", "{\"key\":\"draining\"}");
        assertTrue(eventually(() -> tools.started.contains("draining"), WAIT), "the job never started");
        CompletableFuture<Void> closing = startShutdown();

        HttpResponse<String> ack = call.get(10, TimeUnit.SECONDS);
        assertEquals(202, ack.statusCode(), ack.body());
        String jobId = json(ack).path("job_id").asText();
        assertEquals(JobRecord.State.RUNNING, job(jobId).map(JobRecord::state).orElse(null));
        assertFalse(closing.isDone(), "the shutdown did not wait for the job");

        tools.gate("draining").countDown();
        assertTrue(eventually(() -> job(jobId).filter(j -> j.state() == JobRecord.State.DONE).isPresent(), WAIT),
                "the job's result was not recorded: " + job(jobId));
        assertTrue(job(jobId).orElseThrow().resultJson().contains("done draining"));
        closing.get(10, TimeUnit.SECONDS);
    }

    @Test
    void jobDeadline_isEnforcedWhileDraining() throws Exception {
        start("10s");
        CompletableFuture<HttpResponse<String>> call = call("/tools/overrun_job", "{\"key\":\"overrun\"}");
        assertTrue(eventually(() -> tools.started.contains("overrun"), WAIT), "the job never started");
        CompletableFuture<Void> closing = startShutdown();

        HttpResponse<String> ack = call.get(10, TimeUnit.SECONDS);
        assertEquals(202, ack.statusCode(), ack.body());
        String jobId = json(ack).path("job_id").asText();
        assertTrue(tools.interrupted.await(10, TimeUnit.SECONDS), "the job was not interrupted at its deadline");
        assertTrue(eventually(() -> job(jobId).filter(j -> "TIMEOUT".equals(j.errorCode())).isPresent(), WAIT),
                "the timeout was not recorded: " + job(jobId));
        closing.get(10, TimeUnit.SECONDS);
    }

    @Test
    void callsThatWouldOutlastTheGracePeriod_areAnsweredBeforeItEnds() throws Exception {
        start("2s");
        CompletableFuture<HttpResponse<String>> job = call("/tools/gated_job", "{\"key\":\"long-job\"}");
        HttpResponse<String> ack = job.get(10, TimeUnit.SECONDS);
        assertEquals(202, ack.statusCode(), ack.body());
        String jobId = json(ack).path("job_id").asText();
        CompletableFuture<HttpResponse<String>> plain = call("/tools/gated_call", "{\"key\":\"long-call\"}");
        assertTrue(eventually(() -> tools.started.contains("long-call"), WAIT), "the call never started");
        CompletableFuture<Void> closing = startShutdown();

        // Answered at all: once the grace period is over the server closes the connection unanswered.
        HttpResponse<String> cut = plain.get(10, TimeUnit.SECONDS);
        assertEquals(503, cut.statusCode(), cut.body());
        assertEquals("UNAVAILABLE", json(cut).at("/error/code").asText());
        assertEquals(DrainCutoff.RESTARTING, json(cut).at("/error/message").asText());
        assertEquals("5", cut.headers().firstValue("Retry-After").orElse(""));
        assertTrue(eventually(() -> job(jobId).filter(j -> j.state() == JobRecord.State.FAILED).isPresent(), WAIT),
                "a job cut off by the shutdown still looks alive: " + job(jobId));
        assertEquals("UNAVAILABLE", job(jobId).orElseThrow().errorCode());
        closing.get(10, TimeUnit.SECONDS);
    }

    /** Closes the context as a SIGTERM does, once the drain has started. */
    private CompletableFuture<Void> startShutdown() {
        InFlightCalls calls = context.getBean(InFlightCalls.class);
        CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
        assertTrue(eventually(calls::draining, WAIT), "the shutdown never started draining");
        return closing;
    }

    private Optional<JobRecord> job(String jobId) {
        return store.find(jobId);
    }

    private CompletableFuture<HttpResponse<String>> call(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + response.body(), e);
        }
    }
}
