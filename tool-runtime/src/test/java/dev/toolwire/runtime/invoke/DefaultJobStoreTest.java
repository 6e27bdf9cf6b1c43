package dev.toolwire.runtime.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.JobRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The in-memory job store stays bounded and forgets expired jobs. */
class DefaultJobStoreTest {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");

    private final MutableClock clock = new MutableClock();
    private final DefaultJobStore store = new DefaultJobStore(2, clock);

    @Test
    void expiredJob_isForgotten() {
        store.save(job("a", JobRecord.State.DONE, NOW.plusSeconds(60)));
        assertTrue(store.find("a").isPresent());
        clock.now = NOW.plusSeconds(61);
        assertTrue(store.find("a").isEmpty());
    }

    @Test
    void whenFull_theOldestFinishedJobMakesRoom_notARunningOne() {
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

    private static JobRecord job(String id, JobRecord.State state, Instant expiresAt) {
        return new JobRecord(id, "tool", null, state, 0, null, null, null, expiresAt);
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

    }
}
