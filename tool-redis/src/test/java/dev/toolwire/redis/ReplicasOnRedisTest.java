package dev.toolwire.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.redis.Replicas.Answer;
import dev.toolwire.redis.fixtures.SharedTools;
import dev.toolwire.runtime.store.SyncLock;
import dev.toolwire.testing.LocalRedis;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of one service over HTTP on one real Redis: what one replica starts, remembers or
 * counts, the other sees.
 */
class ReplicasOnRedisTest {

    private static LocalRedis redis;
    private static EmbeddedServer a;
    private static EmbeddedServer b;

    @BeforeAll
    static void start() throws IOException {
        redis = LocalRedis.start();
        Map<String, Object> properties = Replicas.properties(redis.uri(), Map.of(
                "toolwire.rate-limit.enabled", "true",
                "toolwire.rate-limit.requests-per-minute", "1000",
                "toolwire.deduplication.max-per-caller", "50"));
        a = Replicas.start(properties);
        b = Replicas.start(properties);
    }

    @AfterAll
    static void stop() {
        Replicas.stop(redis, a, b);
    }

    private static SharedTools tools(EmbeddedServer replica) {
        return replica.getApplicationContext().getBean(SharedTools.class);
    }

    @Test
    void aRetriedBookingOnAnotherReplica_answersTheFirstBooking() {
        Answer first = Replicas.post(a, "book", "{\"slot\": \"mon-9\"}");
        Answer retried = Replicas.post(b, "book", "{\"slot\": \"mon-9\"}");
        assertEquals(200, first.status(), first.body().toString());
        assertEquals(first.body(), retried.body(), "the retry answers the first booking");
        assertEquals(0, tools(b).bookingsHere.get(), "replica B never booked");
    }

    @Test
    void aDuplicateArrivingWhileTheFirstRuns_waitsForItOnTheOtherReplica() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        tools(a).bookingGate = gate;
        tools(a).bookingStarted = started;
        try {
            CompletableFuture<Answer> first = CompletableFuture.supplyAsync(() -> Replicas.post(a, "book", "{\"slot\": \"tue-10\"}"));
            assertTrue(started.await(10, TimeUnit.SECONDS), "the first call runs, holding the claim");
            CompletableFuture<Answer> duplicate = CompletableFuture.supplyAsync(() -> Replicas.post(b, "book", "{\"slot\": \"tue-10\"}"));
            // What must not happen can only be watched for a while: the duplicate still waits after 300 ms.
            assertThrows(TimeoutException.class, () -> duplicate.get(300, TimeUnit.MILLISECONDS),
                    "the duplicate waits for the first call");
            gate.countDown();
            assertEquals(first.get().body(), duplicate.get().body());
            assertEquals(200, duplicate.get().status());
            assertEquals(0, tools(b).bookingsHere.get(), "replica B never booked");
        } finally {
            gate.countDown();
            tools(a).bookingGate = new CountDownLatch(0);
        }
    }

    @Test
    void aJobStartedOnOneReplica_isReportedByTheOther() throws Exception {
        tools(a).compiled = new CountDownLatch(1);
        Answer started = Replicas.post(a, "compile", "{\"account\": \"ACC-1\"}");
        assertEquals(202, started.status(), started.body().toString());
        String jobId = started.body().path("job_id").asText();
        String statusTool = started.body().path("status_tool").asText();
        Answer running = Replicas.get(b, "/tools/" + statusTool + "?job_id=" + jobId);
        assertEquals(200, running.status(), running.body().toString());
        assertEquals("running", running.body().path("status").asText());
        assertEquals(30, running.body().path("progress").asInt());
        tools(a).compiled.countDown();
        Answer done = awaitStatus(b, statusTool, jobId, "done");
        assertEquals("report of ACC-1", done.body().path("result").path("result").asText(), done.body().toString());
    }

    @Test
    void aJobWhoseReplicaDied_isReportedLost() throws Exception {
        Map<String, Object> properties = Replicas.properties(redis.uri(), Map.of("toolwire.redis.job-lease", "600ms"));
        properties.put("toolwire.redis.key-prefix", a.getApplicationContext().getRequiredProperty("toolwire.redis.key-prefix", String.class));
        try (ApplicationContext dying = ApplicationContext.run(properties)) {
            RedisJobStore store = dying.getBean(RedisJobStore.class);
            store.admit(new dev.toolwire.runtime.JobRecord("job-lost-1", "compile", null,
                    dev.toolwire.runtime.JobRecord.State.RUNNING, 10, null, null, null,
                    java.time.Instant.now().plusSeconds(600)));
            store.stopRenewing(); // the replica dies: nobody renews its lease
        }
        Answer lost = awaitStatus(b, "compile_status", "job-lost-1", "failed"); // once its 600 ms lease lapsed
        assertEquals(200, lost.status(), lost.body().toString());
        assertEquals("failed", lost.body().path("status").asText(), lost.body().toString());
        assertEquals("UNAVAILABLE", lost.body().path("error").path("code").asText());
        assertEquals(RedisJobStore.LOST, lost.body().path("error").path("message").asText());
    }

    @Test
    void theRateLimitCountsTheCallsOfEveryReplica() {
        Map<String, Object> limited = Replicas.properties(redis.uri(), Map.of(
                "toolwire.rate-limit.enabled", "true", "toolwire.rate-limit.requests-per-minute", "3"));
        try (EmbeddedServer c = Replicas.start(limited); EmbeddedServer d = Replicas.start(limited)) {
            for (int attempt = 0; attempt < 3; attempt++) {
                Answer[] answers = {Replicas.get(c, "/tools/opening_hours"), Replicas.get(d, "/tools/opening_hours"),
                        Replicas.get(c, "/tools/opening_hours"), Replicas.get(d, "/tools/opening_hours")};
                if (!answers[0].header("X-RateLimit-Reset").equals(answers[3].header("X-RateLimit-Reset"))) {
                    continue; // a minute boundary fell between the calls
                }
                assertEquals(200, answers[2].status());
                assertEquals("0", answers[2].header("X-RateLimit-Remaining"), "three calls counted over two replicas");
                assertEquals(429, answers[3].status(), "the fourth call, on the other replica, is over the limit");
                assertEquals("RATE_LIMITED", answers[3].body().path("error").path("code").asText());
                assertNotNull(answers[3].header("Retry-After"));
                return;
            }
            throw new AssertionError("three attempts straddled a minute boundary");
        }
    }

    @Test
    void theSyncLock_letsOneReplicaAtATime_andLapsesWhenItsHolderDies() throws Exception {
        SyncLock lockA = a.getApplicationContext().getBean(SyncLock.class);
        SyncLock lockB = b.getApplicationContext().getBean(SyncLock.class);
        Optional<SyncLock.Lease> held = lockA.tryAcquire("sync-test", Duration.ofSeconds(5));
        assertTrue(held.isPresent());
        assertTrue(lockB.tryAcquire("sync-test", Duration.ofSeconds(5)).isEmpty(), "B waits while A holds it");
        String holder = lockB.holder("sync-test").orElseThrow();
        assertTrue(holder.contains("/" + ProcessHandle.current().pid() + "/"), holder);
        held.get().close();
        Optional<SyncLock.Lease> next = lockB.tryAcquire("sync-test", Duration.ofSeconds(5));
        assertTrue(next.isPresent(), "released by A, taken by B");
        next.get().close();

        Map<String, Object> properties = Replicas.properties(redis.uri(), Map.of());
        properties.put("toolwire.redis.key-prefix", a.getApplicationContext().getRequiredProperty("toolwire.redis.key-prefix", String.class));
        try (ApplicationContext dying = ApplicationContext.run(properties)) {
            assertTrue(dying.getBean(SyncLock.class).tryAcquire("sync-test-2", Duration.ofMillis(700)).isPresent());
            dying.getBean(SharedRedis.class).scheduler().shutdownNow(); // dies holding it: no renewal, no release
        }
        assertTrue(lockB.tryAcquire("sync-test-2", Duration.ofSeconds(5)).isEmpty(), "still held right after");
        Optional<SyncLock.Lease> afterDeath = Optional.empty();
        for (int i = 0; i < 50 && afterDeath.isEmpty(); i++) { // the 700 ms lease lapses, nobody renews it
            Thread.sleep(100);
            afterDeath = lockB.tryAcquire("sync-test-2", Duration.ofSeconds(5));
        }
        assertTrue(afterDeath.isPresent(), "the dead holder's lease lapsed");
        afterDeath.get().close();
    }

    private static Answer awaitStatus(EmbeddedServer replica, String statusTool, String jobId, String status)
            throws InterruptedException {
        Answer last = null;
        for (int i = 0; i < 100; i++) {
            last = Replicas.get(replica, "/tools/" + statusTool + "?job_id=" + jobId);
            if (status.equals(last.body().path("status").asText())) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " never became " + status + ": " + last.body());
    }
}
