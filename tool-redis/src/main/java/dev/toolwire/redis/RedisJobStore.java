package dev.toolwire.redis;

import dev.toolwire.runtime.JobRecord;
import dev.toolwire.runtime.JobStore;
import dev.toolwire.runtime.JobsConfiguration;
import dev.toolwire.runtime.invoke.DefaultJobStore;
import dev.toolwire.runtime.invoke.ToolFailures;
import dev.toolwire.runtime.invoke.RetryLaterException;
import io.lettuce.core.ScriptOutputType;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Internal;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs on Redis, so the status tool answers on any replica. A job is a hash that expires with the job
 * ({@link JobRecord#expiresAt()}); while it runs, the replica running it holds a lease on it, renewed
 * every third of {@code toolwire.redis.job-lease}. When that replica dies the lease lapses, and the
 * status tool then answers that the job was lost and should be started again, instead of "running"
 * until it expires. Each caller may have at most {@code toolwire.jobs.max-per-caller} jobs running
 * ({@code 429 RATE_LIMITED} past it); finished jobs go with their retention, never to make room for
 * another caller. While Redis is out of reach, starting a job or reading its status is answered
 * {@code 503 UNAVAILABLE}.
 */
@Singleton
@Internal
@Requires(property = RedisStoreConfiguration.STORE, value = "redis")
final class RedisJobStore implements JobStore {

    /** What the status tool says of a job whose replica died. */
    static final String LOST = "The work on that was lost because the server doing it stopped."
            + " Please start the request again.";
    /** What a caller hears while the job store is out of reach. */
    static final String UNREACHABLE = "I can't reach the records of that work right now. Please try again in a moment.";

    private static final Logger LOG = LoggerFactory.getLogger(RedisJobStore.class);

    /**
     * KEYS[1] the job, KEYS[2] its lease, KEYS[3] the caller's running jobs; ARGV[1] the quota,
     * ARGV[2] the job id, ARGV[3] its expiry in epoch ms, ARGV[4] the lease in ms, ARGV[5] the
     * holder, ARGV[6..] field, value pairs. Answers 1, or 0 when the caller is at its quota.
     */
    private static final RedisScript ADMIT = RedisScript.of("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
            if redis.call('ZSCORE', KEYS[3], ARGV[2]) == false
                and redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[1]) then
              return 0
            end
            redis.call('HSET', KEYS[1], unpack(ARGV, 6))
            redis.call('PEXPIREAT', KEYS[1], ARGV[3])
            redis.call('SET', KEYS[2], ARGV[5], 'PX', ARGV[4])
            redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
            if redis.call('PTTL', KEYS[3]) < tonumber(ARGV[3]) - now then
              redis.call('PEXPIREAT', KEYS[3], ARGV[3])
            end
            return 1
            """);

    /**
     * KEYS as {@link #ADMIT}; ARGV[1] the job id, ARGV[2] its expiry in epoch ms, ARGV[3] 1 when it
     * finished, ARGV[4..] field, value pairs.
     */
    private static final RedisScript SAVE = RedisScript.of("""
            redis.call('HSET', KEYS[1], unpack(ARGV, 4))
            redis.call('PEXPIREAT', KEYS[1], ARGV[2])
            if ARGV[3] == '1' then
              redis.call('DEL', KEYS[2])
              redis.call('ZREM', KEYS[3], ARGV[1])
            end
            return 1
            """);

    private final SharedRedis redis;
    private final int maxPerCaller;
    private final Duration lease;
    /** The jobs this replica runs, with their caller's key: their leases are renewed. */
    private final Map<String, String> running = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> renewal;

    RedisJobStore(SharedRedis redis, JobsConfiguration jobs, RedisStoreConfiguration config) {
        this.redis = redis;
        this.maxPerCaller = Math.max(1, jobs.maxPerCaller());
        this.lease = config.jobLease().toMillis() >= 300 ? config.jobLease() : Duration.ofMillis(300);
        long every = lease.toMillis() / 3;
        this.renewal = redis.scheduler().scheduleAtFixedRate(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void admit(JobRecord job) {
        String callerJobs = callerJobs(job.subject());
        Long admitted = call(redis.script(ADMIT, ScriptOutputType.INTEGER,
                new String[] {jobKey(job.jobId()), leaseKey(job.jobId()), callerJobs},
                args(fields(job), Integer.toString(maxPerCaller), job.jobId(), epochMillis(job.expiresAt()),
                        Long.toString(lease.toMillis()), redis.replica())));
        if (admitted == null || admitted == 0) {
            throw RetryLaterException.rateLimited(DefaultJobStore.CALLER_FULL, 30);
        }
        running.put(job.jobId(), callerJobs);
    }

    @Override
    public void discard(String jobId) {
        String callerJobs = running.remove(jobId);
        redis.run(c -> c.del(jobKey(jobId), leaseKey(jobId))).exceptionally(failure -> 0L);
        if (callerJobs != null) {
            redis.run(c -> c.zrem(callerJobs, jobId)).exceptionally(failure -> 0L);
        }
    }

    @Override
    public void save(JobRecord job) {
        boolean finished = job.state() != JobRecord.State.RUNNING;
        String callerJobs = callerJobs(job.subject());
        call(redis.script(SAVE, ScriptOutputType.INTEGER,
                new String[] {jobKey(job.jobId()), leaseKey(job.jobId()), callerJobs},
                args(fields(job), job.jobId(), epochMillis(job.expiresAt()), finished ? "1" : "0")));
        if (finished) {
            running.remove(job.jobId());
        } else {
            running.putIfAbsent(job.jobId(), callerJobs);
        }
    }

    @Override
    public Optional<JobRecord> find(String jobId) {
        Map<String, String> fields = call(redis.run(c -> c.hgetall(jobKey(jobId))));
        if (fields == null || fields.isEmpty()) {
            return Optional.empty();
        }
        JobRecord job;
        try {
            job = record(jobId, fields);
        } catch (RuntimeException e) {
            LOG.error("Job {} in Redis cannot be read; answering as if it were unknown", jobId);
            return Optional.empty();
        }
        if (!job.expiresAt().isAfter(Instant.now())) {
            return Optional.empty();
        }
        if (job.state() == JobRecord.State.RUNNING && !running.containsKey(jobId)
                && call(redis.run(c -> c.exists(leaseKey(jobId)))) == 0) {
            return Optional.of(new JobRecord(jobId, job.toolName(), job.subject(), JobRecord.State.FAILED, job.progress(),
                    LOST, null, ToolFailures.UNAVAILABLE, job.expiresAt()));
        }
        return Optional.of(job);
    }

    @PreDestroy
    void stopRenewing() {
        renewal.cancel(false);
    }

    private void renewLeases() {
        for (String jobId : Set.copyOf(running.keySet())) {
            redis.run(c -> c.pexpire(leaseKey(jobId), lease.toMillis())).whenComplete((renewed, failure) -> {
                if (failure != null) {
                    redis.outage(LOG, "Could not renew the lease of job " + jobId, failure);
                }
            });
        }
    }

    private <T> @Nullable T call(java.util.concurrent.CompletableFuture<T> command) {
        try {
            return redis.await(command);
        } catch (RedisUnreachableException e) {
            redis.outage(LOG, "Job store refused a call", e.getCause() == null ? e : e.getCause());
            throw RetryLaterException.unavailable(UNREACHABLE, 5);
        }
    }

    private static Map<String, String> fields(JobRecord job) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("tool", job.toolName());
        fields.put("subject", job.subject() == null ? "" : "s" + job.subject());
        fields.put("state", job.state().name());
        fields.put("progress", Integer.toString(job.progress()));
        fields.put("message", job.message() == null ? "" : "s" + job.message());
        fields.put("result", job.resultJson() == null ? "" : "s" + job.resultJson());
        fields.put("error", job.errorCode() == null ? "" : job.errorCode());
        fields.put("expires", epochMillis(job.expiresAt()));
        return fields;
    }

    private static JobRecord record(String jobId, Map<String, String> fields) {
        String error = fields.getOrDefault("error", "");
        return new JobRecord(jobId, fields.get("tool"), optional(fields.get("subject")),
                JobRecord.State.valueOf(fields.get("state")), Integer.parseInt(fields.getOrDefault("progress", "0")),
                optional(fields.get("message")), optional(fields.get("result")), error.isEmpty() ? null : error,
                Instant.ofEpochMilli(Long.parseLong(fields.get("expires"))));
    }

    /** Texts that may be absent are stored with a leading {@code s}, so "" stays apart from absent. */
    private static @Nullable String optional(@Nullable String stored) {
        return stored == null || stored.isEmpty() ? null : stored.substring(1);
    }

    private static String[] args(Map<String, String> fields, String... first) {
        String[] all = new String[first.length + fields.size() * 2];
        System.arraycopy(first, 0, all, 0, first.length);
        int i = first.length;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            all[i++] = field.getKey();
            all[i++] = field.getValue();
        }
        return all;
    }

    private String jobKey(String jobId) {
        return redis.key("job", "{" + jobId + "}");
    }

    private String leaseKey(String jobId) {
        return redis.key("job", "{" + jobId + "}", "lease");
    }

    private String callerJobs(@Nullable String subject) {
        return redis.key("jobs", SharedRedis.digest(subject == null ? "" : "s" + subject));
    }

    private static String epochMillis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }
}
