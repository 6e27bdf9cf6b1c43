package dev.toolwire.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.toolwire.redis.Replicas.Answer;
import dev.toolwire.redis.fixtures.SharedTools;
import dev.toolwire.runtime.invoke.DeduplicationCache;
import dev.toolwire.runtime.invoke.DefaultJobStore;
import dev.toolwire.testing.LocalRedis;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-caller quotas hold on Redis as in memory: a caller over its share is told {@code 429} with a
 * sentence, and what it already has (a remembered answer, a running job) stays.
 */
class RedisQuotaTest {

    private static LocalRedis redis;
    private static EmbeddedServer replica;

    @BeforeAll
    static void start() throws Exception {
        redis = LocalRedis.start();
        replica = Replicas.start(Replicas.properties(redis.uri(), Map.of(
                "toolwire.deduplication.max-per-caller", "2",
                "toolwire.jobs.max-per-caller", "1")));
    }

    @AfterAll
    static void stop() {
        Replicas.stop(redis, replica);
    }

    @Test
    void aCallerOverItsRetryMemoryQuota_gets429_andItsRememberedCallsStay() {
        Answer first = Replicas.post(replica, "book", "{\"slot\": \"q-1\"}");
        assertEquals(200, Replicas.post(replica, "book", "{\"slot\": \"q-2\"}").status());
        Answer third = Replicas.post(replica, "book", "{\"slot\": \"q-3\"}");
        assertEquals(429, third.status(), third.body().toString());
        assertEquals("RATE_LIMITED", third.body().path("error").path("code").asText());
        assertEquals(DeduplicationCache.CALLER_FULL, third.body().path("error").path("message").asText());
        assertNotNull(third.header("Retry-After"));
        assertEquals(first.body(), Replicas.post(replica, "book", "{\"slot\": \"q-1\"}").body(),
                "a repeat of a remembered call is still answered");
    }

    @Test
    void aCallerWithItsJobsAllRunning_gets429_untilOneFinishes() throws Exception {
        SharedTools tools = replica.getApplicationContext().getBean(SharedTools.class);
        tools.compiled = new CountDownLatch(1);
        Answer running = Replicas.post(replica, "compile", "{\"account\": \"ACC-Q1\"}");
        assertEquals(202, running.status(), running.body().toString());
        Answer refused = Replicas.post(replica, "compile", "{\"account\": \"ACC-Q2\"}");
        assertEquals(429, refused.status(), refused.body().toString());
        assertEquals(DefaultJobStore.CALLER_FULL, refused.body().path("error").path("message").asText());
        tools.compiled.countDown();
        String jobId = running.body().path("job_id").asText();
        for (int i = 0; i < 50 && !"done".equals(Replicas.get(replica, "/tools/compile_status?job_id=" + jobId)
                .body().path("status").asText()); i++) {
            Thread.sleep(100);
        }
        Answer next = Replicas.post(replica, "compile", "{\"account\": \"ACC-Q2\"}");
        assertEquals(200, next.status(), "with the first job done there is room again: " + next.body());
    }
}
