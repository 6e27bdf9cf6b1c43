package dev.toolwire.runtime.invoke;

import static dev.toolwire.runtime.Exchanges.exchange;
import static dev.toolwire.runtime.Polling.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.Exchanges;
import dev.toolwire.runtime.invoke.gated.GatedTools;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Jobs run on a bounded executor: with two slots and one place in the queue, three jobs are taken
 * (two run, one waits) and a fourth is answered {@code 503 UNAVAILABLE} with {@code Retry-After} at
 * once, while no more than two threads ever run jobs (JDK 17; on 21+ they are virtual threads).
 */
@MicronautTest
@Property(name = "spec.name", value = "GatedTools")
@Property(name = "toolwire.auth.default", value = "none")
@Property(name = "toolwire.jobs.max-concurrent", value = "2")
@Property(name = "toolwire.jobs.queue-size", value = "1")
class BoundedJobsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    GatedTools tools;

    @Test
    void jobsBeyondTheSlotsAndTheQueue_are503WithRetryAfter_withoutMoreThreads() throws Exception {
        List<CompletableFuture<Exchanges.Answer>> taken = new ArrayList<>();
        for (String key : List.of("bounded-1", "bounded-2", "bounded-3")) {
            taken.add(CompletableFuture.supplyAsync(() -> job(key)));
        }
        assertTrue(eventually(() -> startedOf(1, 2, 3) == 2, WAIT), "two of the jobs should have started");
        for (CompletableFuture<Exchanges.Answer> answer : taken) {
            assertEquals(202, answer.get(10, TimeUnit.SECONDS).status(), "a job within the limits was refused");
        }
        assertEquals(2, startedOf(1, 2, 3), "the queued job ran with both slots taken");

        Exchanges.Answer refused = job("bounded-4");
        assertEquals(503, refused.status(), refused.raw());
        assertEquals("UNAVAILABLE", refused.code());
        assertEquals(MethodRunner.BUSY, refused.body().at("/error/message").asText());
        assertEquals("10", refused.headers().get("Retry-After"));
        assertFalse(tools.started.contains("bounded-4"), "the refused job ran");

        List<String> ids = new ArrayList<>();
        for (CompletableFuture<Exchanges.Answer> answer : taken) {
            ids.add(answer.get().body().path("job_id").asText());
        }
        for (String key : List.of("bounded-1", "bounded-2", "bounded-3")) {
            tools.gate(key).countDown();
        }
        for (String id : ids) {
            assertTrue(eventually(() -> "done".equals(status(id)), WAIT), "job " + id + " did not finish");
        }
        assertEquals(2, tools.mostJobsAtOnce.get(), "more jobs ran at once than there are slots");
        if (Runtime.version().feature() < 21) { // on 21+ each job has a virtual thread of its own
            assertEquals(2, tools.jobThreads.size(), "more job threads than slots: " + tools.jobThreads);
            assertTrue(tools.jobThreads.stream().allMatch(name -> name.startsWith("toolwire-job-")), tools.jobThreads.toString());
        }
        assertEquals(202, job("bounded-5").status(), "the slots were not given back");
        tools.gate("bounded-5").countDown();
    }

    private long startedOf(int... numbers) {
        return IntStream.of(numbers).filter(n -> tools.started.contains("bounded-" + n)).count();
    }

    private Exchanges.Answer job(String key) {
        return exchange(client, HttpRequest.POST("/tools/gated_job", "{\"key\":\"" + key + "\"}"));
    }

    private String status(String jobId) {
        return exchange(client, HttpRequest.GET("/tools/gated_job_status?job_id=" + jobId)).body().path("status").asText();
    }
}
