package dev.toolwire.runtime.sync;

import dev.toolwire.runtime.HamsaConfiguration;
import dev.toolwire.runtime.hamsa.HamsaApiException;
import dev.toolwire.runtime.hamsa.HamsaClient;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Internal;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@code hamsa} health entry current between syncs: once the HTTP server is up, and only
 * when an API key is configured, asks Hamsa for one page of one web tool, first after 10 seconds (or
 * the interval, if shorter), then every {@code toolwire.hamsa.health-check-interval} (5 minutes by
 * default, {@code 0s} for never), and
 * records the outcome in {@link SyncMonitor}. The request runs on the blocking executor, never on
 * the scheduler's threads (which also fire tool deadlines), and a check still running when the next
 * one is due makes that one skip. Commands start no server and so never check.
 */
@Singleton
@Internal
final class HamsaReachabilityCheck implements ApplicationEventListener<ServerStartupEvent> {

    /** The operation name the health entry shows for these checks. */
    static final String OPERATION = "reachability check";

    private static final Logger LOG = LoggerFactory.getLogger(HamsaReachabilityCheck.class);
    private static final Duration FIRST_CHECK_AFTER = Duration.ofSeconds(10);

    private final HamsaClient client;
    private final SyncMonitor monitor;
    private final Duration interval;
    private final TaskScheduler scheduler;
    private final Executor blocking;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile @Nullable ScheduledFuture<?> schedule;

    HamsaReachabilityCheck(HamsaClient client, SyncMonitor monitor, HamsaConfiguration config,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.client = client;
        this.monitor = monitor;
        this.interval = config.healthCheckInterval();
        this.scheduler = scheduler;
        this.blocking = blocking;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (interval.isZero() || interval.isNegative() || !client.hasApiKey()) {
            return;
        }
        // The first check waits a little, so creating the HTTP client does not compete with the first calls.
        Duration first = interval.compareTo(FIRST_CHECK_AFTER) < 0 ? interval : FIRST_CHECK_AFTER;
        schedule = scheduler.scheduleWithFixedDelay(first, interval, this::checkInBackground);
    }

    private void checkInBackground() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            blocking.execute(this::check);
        } catch (RejectedExecutionException e) {
            running.set(false);
        }
    }

    /** Asks Hamsa once and records the outcome. */
    void check() {
        try {
            client.probe();
            monitor.succeeded(OPERATION);
        } catch (HamsaApiException e) {
            LOG.debug("Hamsa reachability check failed: {}", e.getMessage());
            monitor.failed(OPERATION, e);
        } finally {
            running.set(false);
        }
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> current = schedule;
        if (current != null) {
            current.cancel(false);
        }
    }
}
