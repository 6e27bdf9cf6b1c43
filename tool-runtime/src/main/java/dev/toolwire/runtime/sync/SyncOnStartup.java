package dev.toolwire.runtime.sync;

import dev.toolwire.runtime.ToolwireConfiguration;
import dev.toolwire.runtime.store.SyncLock;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Internal;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code toolwire.sync.on-startup=true}: once the HTTP server is up, syncs on Micronaut's blocking
 * executor so serving is not delayed (then, with {@code toolwire.sync.verify=true}, verifies from Hamsa's side,
 * which needs the server up). The plan, progress and summary are logged at INFO. A failed sync is logged
 * at ERROR and the server keeps serving, unless {@code toolwire.sync.fail-on-error=true}, which stops
 * the server (and so the application). Commands never trigger it: they start no server.
 *
 * <p>With several replicas, only the one that takes the {@link SyncLock} syncs; the others log who
 * holds it and skip. The lock is held with a lease its holder renews, so a replica that dies while
 * syncing does not block the next deploy. When the lock's store is out of reach the replica syncs
 * anyway: the sync deactivates any duplicate a concurrent run created, so racing runs still converge.
 */
@Singleton
@Internal
@Requires(property = SyncConfiguration.PREFIX + ".on-startup", value = "true")
final class SyncOnStartup implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SyncOnStartup.class);

    /** How long the sync lock lasts unless its holder renews it. */
    static final Duration LOCK_LEASE = Duration.ofSeconds(30);

    private final DefinitionSyncService service;
    private final SyncConfiguration config;
    private final SyncLock lock;
    private final String lockName;
    private final Executor executor;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    SyncOnStartup(DefinitionSyncService service, SyncConfiguration config, SyncLock lock, ToolwireConfiguration toolwire,
            @Named(TaskExecutors.BLOCKING) Executor executor) {
        this.executor = executor;
        this.service = service;
        this.config = config;
        this.lock = lock;
        this.lockName = "hamsa-sync:" + (toolwire.publicUrl() == null ? "" : toolwire.publicUrl());
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        EmbeddedServer server = event.getSource();
        CompletableFuture.runAsync(() -> run(server), executor).whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.error("Hamsa sync could not run", failure);
            }
            finished.complete(null);
        });
    }

    /**
     * Completes when the start-up sync has ended, whatever its outcome.
     *
     * @return the end of the sync
     */
    CompletableFuture<Void> finished() {
        return finished;
    }

    private void run(EmbeddedServer server) {
        Optional<SyncLock.Lease> lease;
        try {
            lease = lock.tryAcquire(lockName, LOCK_LEASE);
        } catch (RuntimeException e) {
            LOG.warn("Hamsa sync: the sync lock is out of reach ({}); syncing anyway, duplicates a concurrent run"
                    + " creates are deactivated afterwards.", e.getMessage());
            lease = Optional.of(() -> { });
        }
        if (lease.isEmpty()) {
            LOG.info("Hamsa sync skipped: another replica ({}) is syncing the same definitions.",
                    lock.holder(lockName).orElse("holder unknown"));
            return;
        }
        SyncLock.Lease held = lease.get();
        try {
            sync(server);
        } finally {
            held.close();
        }
    }

    private void sync(EmbeddedServer server) {
        boolean ok;
        try {
            SyncPlan plan = service.plan(new SyncOptions(config.prune(), false, List.of(), config.verify(), null));
            PlanPrinter.lines(plan).forEach(LOG::info);
            SyncResult result = service.apply(plan, LOG::info);
            ok = result.failed() == 0;
            if (ok) {
                LOG.info("Hamsa sync: {}.", result.summary());
            } else {
                LOG.error("Hamsa sync: {}. Failures: {}", result.summary(), String.join("; ", result.failures()));
            }
            if (config.verify()) {
                VerifyReport report = service.verify(plan, LOG::info);
                if (report.failed() > 0) {
                    LOG.error("Hamsa verify: {}. {}", report.summary(), String.join("; ", report.failures()));
                    ok = false;
                } else {
                    LOG.info("Hamsa verify: {}.", report.summary());
                }
            }
        } catch (ToolSyncException e) {
            LOG.error("Hamsa sync failed: {}", e.getMessage());
            ok = false;
        } catch (RuntimeException e) {
            LOG.error("Hamsa sync failed unexpectedly", e);
            ok = false;
        }
        if (!ok && config.failOnError()) {
            LOG.error("Stopping the application because toolwire.sync.fail-on-error=true.");
            server.stop();
        } else if (!ok) {
            LOG.error("The application keeps serving; fix the problem and run the 'sync' command, or restart.");
        }
    }
}
