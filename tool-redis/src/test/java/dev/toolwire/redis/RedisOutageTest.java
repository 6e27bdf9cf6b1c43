package dev.toolwire.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.redis.Replicas.Answer;
import dev.toolwire.redis.fixtures.SharedTools;
import dev.toolwire.testing.LocalRedis;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis killed under a running replica: calls that need the store are answered {@code 503
 * UNAVAILABLE} with a sentence (never run unchecked, never a 500), health says DOWN, calls that need
 * no store go on; once Redis is back, so is everything else.
 */
class RedisOutageTest {

    private static LocalRedis redis;
    private static EmbeddedServer replica;

    @BeforeAll
    static void start() throws Exception {
        redis = LocalRedis.start();
        replica = Replicas.start(Replicas.properties(redis.uri(), Map.of(
                "toolwire.rate-limit.enabled", "true",
                "endpoints.health.details-visible", "ANONYMOUS")));
    }

    @AfterAll
    static void stop() {
        Replicas.stop(redis, replica);
    }

    @Test
    void withRedisDown_storeCallsAre503_theRest200_andAllRecoverWhenItIsBack() throws Exception {
        assertEquals(200, Replicas.post(replica, "book", "{\"slot\": \"wed-1\"}").status(), "Redis up: booked");
        SharedTools tools = replica.getApplicationContext().getBean(SharedTools.class);
        int bookedBefore = tools.bookingsHere.get();

        redis.kill();

        Answer booking = Replicas.post(replica, "book", "{\"slot\": \"wed-2\"}");
        assertEquals(503, booking.status(), booking.body().toString());
        assertEquals("UNAVAILABLE", booking.body().path("error").path("code").asText());
        assertEquals(RedisRetryMemory.UNREACHABLE, booking.body().path("error").path("message").asText());
        assertNotNull(booking.header("Retry-After"));
        assertEquals(bookedBefore, tools.bookingsHere.get(), "nothing is booked unchecked while Redis is down");

        Answer job = Replicas.post(replica, "compile", "{\"account\": \"ACC-2\"}");
        assertEquals(503, job.status(), job.body().toString());
        assertEquals(RedisJobStore.UNREACHABLE, job.body().path("error").path("message").asText());

        Answer status = Replicas.get(replica, "/tools/compile_status?job_id=job-anything");
        assertEquals(503, status.status(), status.body().toString());
        assertEquals("UNAVAILABLE", status.body().path("error").path("code").asText());

        Answer hours = Replicas.get(replica, "/tools/opening_hours");
        assertEquals(200, hours.status(), "a call that needs no store goes on: " + hours.body());
        assertNotNull(hours.header("X-RateLimit-Remaining"), "still rate-limited, counted by this replica alone");

        Answer health = Replicas.get(replica, "/health");
        assertEquals(503, health.status(), health.body().toString());
        assertEquals("DOWN", health.body().path("status").asText());
        assertEquals(200, Replicas.get(replica, "/health/liveness").status(),
                "liveness does not follow Redis, so an orchestrator does not restart every replica");

        redis.restart();
        Answer again = null;
        for (int i = 0; i < 50; i++) {
            again = Replicas.post(replica, "book", "{\"slot\": \"wed-3\"}");
            if (again.status() == 200) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals(200, again.status(), "Redis back: booking works again: " + again.body());
        assertTrue(Replicas.get(replica, "/health").status() == 200, "health is UP again");
    }
}
