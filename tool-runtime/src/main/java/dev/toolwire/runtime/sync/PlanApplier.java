package dev.toolwire.runtime.sync;

import dev.toolwire.runtime.HamsaConfiguration;
import dev.toolwire.runtime.hamsa.HamsaApiException;
import dev.toolwire.runtime.hamsa.HamsaClient;
import dev.toolwire.runtime.hamsa.WebTool;
import dev.toolwire.runtime.hamsa.WebToolBody;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Applies a plan write by write. A create or update whose outcome is unknown (5xx, no answer) is not
 * simply repeated: the tool is looked up by name first, and the write is repeated only if it did not
 * take effect. So a create that timed out on our side but succeeded on Hamsa's is never made twice.
 */
final class PlanApplier {

    private final HamsaClient client;
    private final PlanBuilder builder;
    private final HamsaConfiguration config;
    private final SyncMonitor monitor;

    PlanApplier(HamsaClient client, PlanBuilder builder, HamsaConfiguration config, SyncMonitor monitor) {
        this.client = client;
        this.builder = builder;
        this.config = config;
        this.monitor = monitor;
    }

    SyncResult apply(SyncPlan plan, Consumer<String> progress) {
        List<SyncResult.Applied> applied = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (SyncPlan.Action action : List.of(SyncPlan.Action.CREATE, SyncPlan.Action.UPDATE, SyncPlan.Action.DEACTIVATE)) {
            for (SyncPlan.Entry entry : plan.entries()) {
                if (entry.action() != action) {
                    continue;
                }
                try {
                    SyncResult.Applied done = write(entry, plan.work(entry), progress);
                    applied.add(done);
                    monitor.wrote(action, true);
                    monitor.succeeded("write web tools");
                    progress.accept(action.marker() + " " + entry.name() + ": " + verb(action)
                            + (done.id() == null ? "" : " (id " + done.id() + ", version " + done.version() + ")"));
                } catch (HamsaApiException e) {
                    monitor.wrote(action, false);
                    monitor.failed("write web tools", e);
                    if (e.isAuthFailure()) {
                        throw DefaultDefinitionSyncService.keyRefused(e);
                    }
                    failures.add(entry.name() + ": " + e.getMessage());
                    progress.accept("! " + entry.name() + ": failed: " + e.getMessage());
                }
            }
        }
        plan.entries().stream().filter(e -> e.action() == SyncPlan.Action.CONFLICT)
                .forEach(e -> failures.add(e.name() + ": " + e.detail()));
        return new SyncResult(count(applied, SyncPlan.Action.CREATE), count(applied, SyncPlan.Action.UPDATE),
                (int) plan.count(SyncPlan.Action.UNCHANGED), count(applied, SyncPlan.Action.DEACTIVATE),
                failures.size(), applied, failures);
    }

    private static int count(List<SyncResult.Applied> applied, SyncPlan.Action action) {
        return (int) applied.stream().filter(a -> a.action() == action).count();
    }

    private SyncResult.Applied write(SyncPlan.Entry entry, SyncPlan.Work work, Consumer<String> progress) {
        WebTool result;
        switch (entry.action()) {
            case CREATE -> result = carefully(entry.name(), work.body(), null, progress);
            case UPDATE -> {
                WebTool remote = require(work.remote());
                result = carefully(entry.name(), work.body(), remote, progress);
                if (!remote.active() && result.id() != null) {
                    client.setActivation(result.id(), true);
                }
            }
            case DEACTIVATE -> {
                WebTool remote = require(work.remote());
                client.setActivation(require(remote.id()), false);
                result = remote;
            }
            default -> throw new IllegalStateException("Nothing to write for " + entry.action());
        }
        return new SyncResult.Applied(entry.name(), entry.action(), result.id(), result.version());
    }

    /** Creates or updates; after an unknown outcome, looks before writing again. */
    private WebTool carefully(String name, @Nullable WebToolBody body, @Nullable WebTool remote, Consumer<String> progress) {
        WebToolBody definition = require(body);
        WebTool target = remote;
        for (int attempt = 1; ; attempt++) {
            try {
                return target == null ? client.createWebTool(definition)
                        : client.updateWebTool(require(target.id()), definition);
            } catch (HamsaApiException e) {
                if (!e.isOutcomeUnknown() || attempt >= Math.max(1, config.maxAttempts())) {
                    throw e;
                }
                progress.accept("? " + name + ": " + e.getMessage() + "; checking whether it took effect");
                pause(attempt);
                Optional<WebTool> now = findOurs(name);
                if (now.isPresent() && (target == null || builder.changes(now.get(), definition).isEmpty())) {
                    return now.get();
                }
                target = now.orElse(target);
            }
        }
    }

    private Optional<WebTool> findOurs(String name) {
        return client.listWebTools(name).stream()
                .filter(t -> name.equals(t.name()) && builder.mapper().isOurs(t.serverUrl()))
                .reduce((a, b) -> (b.version() == null ? 0 : b.version()) >= (a.version() == null ? 0 : a.version()) ? b : a);
    }

    private void pause(int attempt) {
        Duration delay = config.backoff().multipliedBy(1L << Math.min(attempt - 1, 10));
        try {
            Thread.sleep(Math.min(delay.toMillis(), config.maxBackoff().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String verb(SyncPlan.Action action) {
        return switch (action) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            default -> "deactivated";
        };
    }

    private static <T> T require(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("The plan is missing data for this entry");
        }
        return value;
    }
}
