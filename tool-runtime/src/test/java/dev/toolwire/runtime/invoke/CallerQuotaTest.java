package dev.toolwire.runtime.invoke;

import static dev.toolwire.runtime.Exchanges.exchange;
import static dev.toolwire.runtime.Polling.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.Exchanges;
import dev.toolwire.runtime.invoke.gated.GatedTools;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Two callers (two tokens with different {@code sub}) kept apart: one filling its quota of jobs or of
 * retry memory gets {@code 429 RATE_LIMITED} with {@code Retry-After} and a sentence the agent can
 * say, while the other's finished job and remembered call stay.
 */
@MicronautTest
@Property(name = "spec.name", value = "GatedTools")
@Property(name = "toolwire.auth.jwt.secret", value = CallerTokens.SECRET)
@Property(name = "toolwire.jobs.max-entries", value = "3")
@Property(name = "toolwire.jobs.max-per-caller", value = "2")
@Property(name = "toolwire.deduplication.max-per-caller", value = "2")
class CallerQuotaTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final String alice = CallerTokens.of("alice");
    private final String mallory = CallerTokens.of("mallory");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    GatedTools tools;

    @Test
    void aCallerWithAllItsJobsRunning_is429_andAnotherCallersFinishedResultStays() {
        String aliceJob = acknowledged(alice, "alice-report");
        tools.gate("alice-report").countDown();
        assertTrue(eventually(() -> "done".equals(status(alice, aliceJob).path("status").asText()), WAIT));

        String first = acknowledged(mallory, "flood-1");
        String second = acknowledged(mallory, "flood-2");
        Exchanges.Answer refused = startJob(mallory, "flood-3");
        assertEquals(429, refused.status(), refused.raw());
        assertEquals("RATE_LIMITED", refused.code());
        assertEquals(DefaultJobStore.CALLER_FULL, refused.body().at("/error/message").asText());
        assertEquals(String.valueOf(DefaultJobStore.CALLER_FULL_RETRY_AFTER_SECONDS), refused.headers().get("Retry-After"));
        assertFalse(tools.started.contains("flood-3"), "the refused job ran");

        JsonNode kept = status(alice, aliceJob);
        assertEquals("done", kept.path("status").asText(), kept.toString());
        assertEquals("done alice-report", kept.at("/result/result").asText());

        // Once its jobs finish, the caller may start more: it gives up its own oldest result, never alice's.
        tools.gate("flood-1").countDown();
        tools.gate("flood-2").countDown();
        assertTrue(eventually(() -> "done".equals(status(mallory, second).path("status").asText()), WAIT));
        assertTrue(eventually(() -> "done".equals(status(mallory, first).path("status").asText()), WAIT));
        String third = acknowledged(mallory, "flood-4");
        assertEquals(404, exchange(client, withToken(mallory, statusRequest(first))).status(),
                "mallory's own oldest result made room");
        assertEquals("done", status(alice, aliceJob).path("status").asText(), "alice's result was forgotten");
        tools.gate("flood-4").countDown();
        assertTrue(eventually(() -> "done".equals(status(mallory, third).path("status").asText()), WAIT));
    }

    @Test
    void aCallerAtItsRetryQuota_is429_andAnotherCallersRememberedCallStays() {
        Exchanges.Answer aliceOrder = order(alice, "bread");
        assertEquals(200, aliceOrder.status(), aliceOrder.raw());
        assertEquals(200, order(mallory, "spam-1").status());
        assertEquals(200, order(mallory, "spam-2").status());
        int placed = tools.orders.get();

        Exchanges.Answer refused = order(mallory, "spam-3");
        assertEquals(429, refused.status(), refused.raw());
        assertEquals("RATE_LIMITED", refused.code());
        assertEquals(DeduplicationCache.CALLER_FULL, refused.body().at("/error/message").asText());
        int retryAfter = Integer.parseInt(refused.headers().get("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 300, "Retry-After " + retryAfter);
        assertEquals(placed, tools.orders.get(), "the refused call ran");

        assertEquals(aliceOrder.raw(), order(alice, "bread").raw(), "alice's retry acted again");
        assertEquals(placed, tools.orders.get());
    }

    private String acknowledged(String token, String key) {
        Exchanges.Answer ack = startJob(token, key);
        assertEquals(202, ack.status(), ack.raw());
        return ack.body().path("job_id").asText();
    }

    private Exchanges.Answer startJob(String token, String key) {
        return exchange(client, withToken(token, HttpRequest.POST("/tools/gated_job", "{\"key\":\"" + key + "\"}")));
    }

    private Exchanges.Answer order(String token, String item) {
        return exchange(client, withToken(token, HttpRequest.POST("/tools/place_order", "{\"item\":\"" + item + "\"}")));
    }

    private JsonNode status(String token, String jobId) {
        Exchanges.Answer answer = exchange(client, withToken(token, statusRequest(jobId)));
        assertEquals(200, answer.status(), answer.raw());
        return answer.body();
    }

    private static MutableHttpRequest<?> statusRequest(String jobId) {
        return HttpRequest.GET("/tools/gated_job_status?job_id=" + jobId);
    }

    private static MutableHttpRequest<?> withToken(String token, MutableHttpRequest<?> request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
}
