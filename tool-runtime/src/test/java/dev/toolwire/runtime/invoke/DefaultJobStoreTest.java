package dev.toolwire.runtime.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.JobRecord;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The in-memory job store stays bounded, forgets expired jobs, and keeps callers apart: a caller at
 * its quota gives up its own jobs or is refused, never another caller's.
 */
class DefaultJobStoreTest {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final DefaultJobStore store = new DefaultJobStore(2, 100, clock);

    @Test
    void expiredJob_isForgotten() {
        store.save(job("a", JobRecord.State.DONE, NOW.plusSeconds(60)));
        assertTrue(store.find("a").isPresent());
        clock.set(NOW.plusSeconds(61));
        assertTrue(store.find("a").isEmpty());
    }

    @Test
    void whenFull_theOldestFinishedJobOfTheSameCallerMakesRoom_notARunningOne() {
        store.save(job("running", JobRecord.State.RUNNING, NOW.plusSeconds(600)));
        store.save(job("done", JobRecord.State.DONE, NOW.plusSeconds(600)));
        store.save(job("new", JobRecord.State.RUNNING, NOW.plusSeconds(600)));
        assertEquals(2, store.size());
        assertTrue(store.find("running").isPresent());
        assertTrue(store.find("done").isEmpty());
        assertTrue(store.find("new").isPresent());
    }

    @Test
    void updatingAJob_takesNoRoom() {
        store.save(job("a", JobRecord.State.RUNNING, NOW.plusSeconds(600)));
        store.save(job("b", JobRecord.State.RUNNING, NOW.plusSeconds(600)));
        store.save(job("a", JobRecord.State.DONE, NOW.plusSeconds(600)));
        assertEquals(JobRecord.State.DONE, store.find("a").orElseThrow().state());
        assertTrue(store.find("b").isPresent());
    }

    @Test
    void aCallerWhoseJobsAllRun_isRateLimited_andOthersJobsStay() {
        DefaultJobStore quota = new DefaultJobStore(10, 2, clock);
        quota.admit(job("alice-1", "alice", JobRecord.State.RUNNING));
        quota.save(job("alice-1", "alice", JobRecord.State.DONE));
        quota.admit(job("mallory-1", "mallory", JobRecord.State.RUNNING));
        quota.admit(job("mallory-2", "mallory", JobRecord.State.RUNNING));

        RetryLaterException refused = assertThrows(RetryLaterException.class,
                () -> quota.admit(job("mallory-3", "mallory", JobRecord.State.RUNNING)));
        assertEquals(429, refused.status());
        assertEquals("RATE_LIMITED", refused.code());
        assertEquals(DefaultJobStore.CALLER_FULL, refused.getMessage());
        assertTrue(refused.retryAfterSeconds() > 0);
        assertTrue(quota.find("alice-1").isPresent(), "another caller's result was forgotten");
        assertTrue(quota.find("mallory-3").isEmpty());
    }

    @Test
    void aCallerAtItsQuota_forgetsItsOwnOldestFinishedJob_neverAnotherCallers() {
        DefaultJobStore quota = new DefaultJobStore(10, 2, clock);
        quota.admit(job("alice-1", "alice", JobRecord.State.RUNNING));
        quota.save(job("alice-1", "alice", JobRecord.State.DONE));
        for (int i = 1; i <= 5; i++) {
            quota.admit(job("mallory-" + i, "mallory", JobRecord.State.RUNNING));
            quota.save(job("mallory-" + i, "mallory", JobRecord.State.DONE));
        }
        assertTrue(quota.find("alice-1").isPresent());
        assertTrue(quota.find("mallory-3").isEmpty(), "the caller's own oldest results go first");
        assertTrue(quota.find("mallory-4").isPresent());
        assertTrue(quota.find("mallory-5").isPresent());
        assertEquals(3, quota.size());
    }

    @Test
    void aFullStore_refusesACallerWithNothingToGiveUp_andForgetsNobody() {
        store.admit(job("alice-1", "alice", JobRecord.State.RUNNING));
        store.save(job("alice-1", "alice", JobRecord.State.DONE));
        store.admit(job("bob-1", "bob", JobRecord.State.RUNNING));

        RetryLaterException refused = assertThrows(RetryLaterException.class,
                () -> store.admit(job("mallory-1", "mallory", JobRecord.State.RUNNING)));
        assertEquals(503, refused.status());
        assertEquals("UNAVAILABLE", refused.code());
        assertTrue(store.find("alice-1").isPresent());
        assertTrue(store.find("bob-1").isPresent());

        clock.set(NOW.plusSeconds(601)); // both expire: room again
        store.admit(job("mallory-1", "mallory", JobRecord.State.RUNNING));
        assertTrue(store.find("mallory-1").isPresent());
    }

    @Test
    void aDiscardedJob_givesItsPlaceBack() {
        DefaultJobStore quota = new DefaultJobStore(10, 1, clock);
        quota.admit(job("a", "alice", JobRecord.State.RUNNING));
        quota.discard("a");
        quota.admit(job("b", "alice", JobRecord.State.RUNNING));
        assertTrue(quota.find("a").isEmpty());
        assertTrue(quota.find("b").isPresent());
    }

    private static JobRecord job(String id, JobRecord.State state, Instant expiresAt) {
        return new JobRecord(id, "tool", null, state, 0, null, null, null, expiresAt);
    }

    private JobRecord job(String id, @Nullable String subject, JobRecord.State state) {
        return new JobRecord(id, "tool", subject, state, 0, null, null, null, clock.instant().plusSeconds(600));
    }
}
