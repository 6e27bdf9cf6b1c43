package dev.toolwire.runtime.http;

import static dev.toolwire.runtime.Polling.eventually;
import static dev.toolwire.runtime.Exchanges.exchange;
import static dev.toolwire.runtime.http.HttpCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.Exchanges;
import dev.toolwire.runtime.http.jobs.BatchTools;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Job mode (202, the status tool, progress, result, timeout) and retry-safe tools over HTTP. */
@MicronautTest
@Property(name = "spec.name", value = "JobsAndRetriesTest")
@Property(name = "toolwire.auth.default", value = "none")
class JobsAndRetriesTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    BatchTools tools;

    @Test
    void longJob_isAcknowledged_thenItsStatusToolReportsProgressAndTheResult() {
        Exchanges.Answer ack = exchange(client, HttpRequest.POST("/tools/crunch", "{\"what\":\"numbers\"}"));
        assertEquals(202, ack.status());
        String jobId = ack.body().path("job_id").asText();
        assertTrue(jobId.startsWith("job-"), jobId);
        assertEquals("running", ack.body().path("status").asText());
        assertEquals(40, ack.body().path("progress").asInt());
        assertEquals("Crunching has started.", ack.body().path("message").asText());
        assertEquals("crunch_status", ack.body().path("status_tool").asText());

        JsonNode running = status(jobId);
        assertEquals(json("{'job_id':'" + jobId + "','status':'running','progress':40,'message':'Halfway there'}"), running);

        tools.release.countDown();
        assertTrue(eventually(() -> "done".equals(status(jobId).path("status").asText()), Duration.ofSeconds(20)));
        assertEquals(json("{'job_id':'" + jobId + "','status':'done','progress':100,'result':{'result':'crunched numbers'}}"),
                status(jobId));
    }

    @Test
    void aJobsResult_readsTheSameThroughItsStatusTool_asADirectCallWouldAnswerIt() {
        Exchanges.Answer ack = exchange(client, HttpRequest.POST("/tools/settle_account", ""));
        assertEquals(202, ack.status(), ack.raw());
        String jobId = ack.body().path("job_id").asText();
        tools.settled.countDown();
        assertTrue(eventually(() -> "done".equals(status("settle_account_status", jobId).path("status").asText()),
                Duration.ofSeconds(20)));
        Exchanges.Answer done = exchange(client, HttpRequest.GET("/tools/settle_account_status?job_id=" + jobId));
        assertTrue(done.raw().contains("\"result\":{\"result\":500.00}"), done.raw());
    }

    @Test
    void jobThatFinishesWithinItsWindow_answersAsUsual() {
        Exchanges.Answer answer = exchange(client, HttpRequest.POST("/tools/quick_job", ""));
        assertEquals(200, answer.status());
        assertEquals(json("{'result':'done'}"), answer.body());
    }

    @Test
    void jobPastItsTimeout_failsWithTimeout() {
        Exchanges.Answer ack = exchange(client, HttpRequest.POST("/tools/overrun", ""));
        assertEquals(202, ack.status());
        String jobId = ack.body().path("job_id").asText();
        assertTrue(eventually(() -> "failed".equals(status("overrun_status", jobId).path("status").asText()),
                Duration.ofSeconds(20)));
        JsonNode failed = status("overrun_status", jobId);
        assertEquals("TIMEOUT", failed.path("error").path("code").asText());
        assertTrue(failed.path("error").path("message").asText().startsWith("That is taking longer than expected"));
    }

    @Test
    void unknownJob_isNotFoundWithASentenceToStartOver() {
        Exchanges.Answer answer = exchange(client, HttpRequest.GET("/tools/crunch_status?job_id=job-nope"));
        assertEquals(404, answer.status());
        assertEquals("NOT_FOUND", answer.body().path("error").path("code").asText());
        assertTrue(answer.body().path("error").path("message").asText().contains("start the request again"));
    }

    @Test
    void jobOfAnotherTool_isNotFound() {
        Exchanges.Answer ack = exchange(client, HttpRequest.POST("/tools/overrun", ""));
        String jobId = ack.body().path("job_id").asText();
        assertEquals(404, exchange(client, HttpRequest.GET("/tools/crunch_status?job_id=" + jobId)).status());
    }

    @Test
    void statusToolWithoutJobId_isInvalid() {
        Exchanges.Answer answer = exchange(client, HttpRequest.GET("/tools/crunch_status"));
        assertEquals(400, answer.status());
        assertEquals("INVALID_ARGUMENTS", answer.body().path("error").path("code").asText());
    }

    @Test
    void retriedCall_answersTheFirstOutcome_andActsOnce() {
        int before = tools.creations.get();
        Exchanges.Answer first = exchange(client, HttpRequest.POST("/tools/create_batch", "{\"title\":\"Retry me\"}"));
        Exchanges.Answer retry = exchange(client,
                HttpRequest.POST("/tools/create_batch", "{\"size\":10,\"title\":\"Retry me\",\"ignored\":true}"));
        Exchanges.Answer other = exchange(client, HttpRequest.POST("/tools/create_batch", "{\"title\":\"Another\"}"));

        assertEquals(200, first.status());
        assertEquals(first.body(), retry.body());
        assertNotEquals(first.body(), other.body());
        assertEquals(before + 2, tools.creations.get());
    }

    @Test
    void concurrentIdenticalCalls_waitForTheFirst() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        tools.gate = gate;
        tools.batchStarted = started;
        int before = tools.creations.get();
        CompletableFuture<Exchanges.Answer> one = CompletableFuture.supplyAsync(
                () -> exchange(client, HttpRequest.POST("/tools/create_batch", "{\"title\":\"Together\"}")));
        assertTrue(started.await(10, TimeUnit.SECONDS), "the first call runs");
        CompletableFuture<Exchanges.Answer> two = CompletableFuture.supplyAsync(
                () -> exchange(client, HttpRequest.POST("/tools/create_batch", "{\"title\":\"Together\"}")));
        // What must not happen can only be watched for a while: the second call still waits after 300 ms.
        assertThrows(TimeoutException.class, () -> two.get(300, TimeUnit.MILLISECONDS), "the identical call waits");
        gate.countDown();
        Exchanges.Answer a = one.get(20, TimeUnit.SECONDS);
        Exchanges.Answer b = two.get(20, TimeUnit.SECONDS);
        assertEquals(200, a.status());
        assertEquals(a.body(), b.body());
        assertEquals(before + 1, tools.creations.get());
    }

    private JsonNode status(String jobId) {
        return status("crunch_status", jobId);
    }

    private JsonNode status(String tool, String jobId) {
        Exchanges.Answer answer = exchange(client, HttpRequest.GET("/tools/" + tool + "?job_id=" + jobId));
        assertEquals(200, answer.status(), answer.body().toString());
        return answer.body();
    }
}
