package dev.toolwire.runtime.sync;

import dev.toolwire.runtime.HamsaConfiguration;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.hamsa.HamsaApiException;
import dev.toolwire.runtime.hamsa.HamsaSession;
import dev.toolwire.runtime.hamsa.ListedWebTool;
import dev.toolwire.runtime.hamsa.RemoteWebTool;
import dev.toolwire.runtime.hamsa.WebToolDefinition;
import dev.toolwire.runtime.hamsa.WebToolListing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Applies a plan write by write, in the plan's run (its dialect and wait budget). A create or update
 * whose outcome is unknown (5xx, no answer) is not simply repeated: the tool is looked up by name
 * first, and the write is repeated only if it did not take effect. So a create that timed out on our
 * side but succeeded on Hamsa's is never made twice. A deactivation of a name the code still has is
 * refused, whatever the plan says; the only copies of such a name ever deactivated are second live
 * copies, after the writes, by {@link DuplicateCollapser}, which keeps the oldest.
 */
final class PlanApplier {

    private static final Set<SyncPlan.Action> CODE_TOOLS = EnumSet.of(SyncPlan.Action.CREATE, SyncPlan.Action.UPDATE,
            SyncPlan.Action.UNCHANGED, SyncPlan.Action.CONFLICT, SyncPlan.Action.UNREADABLE);

    private final HamsaSession session;
    private final List<ToolDescriptor> tools;
    private final PlanBuilder builder;
    private final HamsaConfiguration config;
    private final SyncMonitor monitor;

    PlanApplier(HamsaSession session, List<ToolDescriptor> tools, PlanBuilder builder, HamsaConfiguration config,
            SyncMonitor monitor) {
        this.session = session;
        this.tools = List.copyOf(tools);
        this.builder = builder;
        this.config = config;
        this.monitor = monitor;
    }

    SyncResult apply(SyncPlan plan, Consumer<String> progress) {
        Set<String> codeNames = plan.entries().stream().filter(e -> CODE_TOOLS.contains(e.action()))
                .map(SyncPlan.Entry::name).collect(Collectors.toSet());
        List<SyncResult.Applied> applied = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (SyncPlan.Action action : List.of(SyncPlan.Action.CREATE, SyncPlan.Action.UPDATE, SyncPlan.Action.DEACTIVATE)) {
            for (SyncPlan.Entry entry : plan.entries()) {
                if (entry.action() != action) {
                    continue;
                }
                if (action == SyncPlan.Action.DEACTIVATE && codeNames.contains(entry.name())) {
                    failures.add(entry.name() + ": not deactivated, the code still has a tool of that name");
                    continue;
                }
                applyEntry(entry, plan.work(entry), progress, applied, failures);
            }
        }
        plan.entries().stream().filter(e -> e.action() == SyncPlan.Action.CONFLICT || e.action() == SyncPlan.Action.UNREADABLE)
                .forEach(e -> failures.add(e.name() + ": " + e.detail()));
        List<SyncResult.Duplicate> duplicates = List.of();
        if (plan.count(SyncPlan.Action.CREATE) > 0 || !plan.duplicated().isEmpty()) {
            // Only a create (ours or one of a sync running at the same moment) makes a second copy;
            // a sync that creates nothing and saw no copies costs no second list.
            duplicates = converge(plan, codeNames, progress, applied, failures);
        }
        int agentsUpdated = 0;
        if (!applied.isEmpty() || !plan.agents().isEmpty() || !duplicates.isEmpty()) {
            AgentSync.Result agents = new AgentSync(session, AgentSync.configured(config.agents(), plan.options().agents()),
                    plan.prune()).apply(codeNames, builder.mapper(), progress);
            agentsUpdated = agents.agentsUpdated();
            failures.addAll(agents.failures());
        }
        return new SyncResult(count(applied, SyncPlan.Action.CREATE), count(applied, SyncPlan.Action.UPDATE),
                (int) plan.count(SyncPlan.Action.UNCHANGED), count(applied, SyncPlan.Action.DEACTIVATE),
                failures.size(), agentsUpdated, applied, failures, duplicates);
    }

    /** Writes one entry, with its progress line; a failure is counted, and only a refused key stops the run. */
    private void applyEntry(SyncPlan.Entry entry, SyncPlan.Work work, Consumer<String> progress,
            List<SyncResult.Applied> applied, List<String> failures) {
        SyncPlan.Action action = entry.action();
        try {
            SyncResult.Applied done = write(entry, work, progress);
            applied.add(done);
            monitor.wrote(action, true);
            monitor.succeeded("write web tools");
            progress.accept(action.marker() + " " + entry.name() + ": " + verb(action)
                    + (done.id() == null ? " (Hamsa's answer did not say its id)"
                            : " (id " + done.id() + ", version " + (done.version() == null ? "?" : done.version()) + ")"));
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

    /**
     * Deactivates second live copies of the code's tools ({@link DuplicateCollapser}), then updates
     * each copy kept that this run did not write (a sync running at the same moment made it) where it
     * differs from the code, compared as the plan compares.
     */
    private List<SyncResult.Duplicate> converge(SyncPlan plan, Set<String> codeNames, Consumer<String> progress,
            List<SyncResult.Applied> applied, List<String> failures) {
        DuplicateCollapser.Outcome outcome = new DuplicateCollapser(session, builder.mapper(), monitor)
                .collapse(codeNames, progress);
        failures.addAll(outcome.failures());
        Set<String> written = applied.stream().map(SyncResult.Applied::id).filter(Objects::nonNull).collect(Collectors.toSet());
        List<RemoteWebTool> others = outcome.kept().values().stream().filter(kept -> !written.contains(kept.id())).toList();
        if (!others.isEmpty()) {
            Set<String> names = others.stream().map(RemoteWebTool::name).collect(Collectors.toSet());
            SyncPlan.Content again = builder.build(tools.stream().filter(t -> names.contains(t.name())).toList(),
                    new WebToolListing(List.copyOf(others), null, false, null), plan.options(), session.dialect());
            for (SyncPlan.Entry entry : again.entries()) {
                if (entry.action() == SyncPlan.Action.UPDATE) {
                    progress.accept("~ " + entry.name() + ": the copy kept (id " + entry.remoteId()
                            + ") was not written by this run and differs from the code");
                    applyEntry(entry, again.work().getOrDefault(SyncPlan.key(entry.name(), entry.remoteId()),
                            new SyncPlan.Work(null, null)), progress, applied, failures);
                }
            }
        }
        return outcome.deactivated();
    }

    private static int count(List<SyncResult.Applied> applied, SyncPlan.Action action) {
        return (int) applied.stream().filter(a -> a.action() == action).count();
    }

    private SyncResult.Applied write(SyncPlan.Entry entry, SyncPlan.Work work, Consumer<String> progress) {
        ListedWebTool result;
        switch (entry.action()) {
            case CREATE -> result = written(entry.name(), carefully(entry.name(), require(work.body()), null, progress));
            case UPDATE -> {
                RemoteWebTool remote = require(work.remote());
                if (entry.changes().stream().allMatch(change -> change.path().equals(SyncPlan.IS_ACTIVE))) {
                    // Only the activation differs: a toggle, not a new version.
                    session.setActivation(remote.id(), true);
                    result = remote;
                } else {
                    result = written(entry.name(), carefully(entry.name(), require(work.body()), remote, progress));
                    if (!remote.active()) {
                        session.setActivation(require(result.id()), true);
                    }
                }
            }
            case DEACTIVATE -> {
                RemoteWebTool remote = require(work.remote());
                session.setActivation(remote.id(), false);
                result = remote;
            }
            default -> throw new IllegalStateException("Nothing to write for " + entry.action());
        }
        return new SyncResult.Applied(entry.name(), entry.action(), result.id(), result.version());
    }

    /**
     * The tool a write made: as answered, or, when the answer named none, as listed now. A write that
     * was answered 2xx but left no tool to find did not happen, whatever the answer said.
     */
    private ListedWebTool written(String name, @Nullable ListedWebTool answered) {
        if (answered != null && answered.id() != null) {
            return answered;
        }
        return findOurs(name).orElseThrow(() -> HamsaApiException.rejected("write", name, "Hamsa answered without an "
                + "error, but no tool named " + name + " is listed under this application's URL afterwards"));
    }

    /**
     * Creates or updates; after an unknown outcome, looks before writing again.
     *
     * @return the tool as answered, or null when the answer held none
     */
    private @Nullable ListedWebTool carefully(String name, WebToolDefinition definition, @Nullable RemoteWebTool remote,
            Consumer<String> progress) {
        RemoteWebTool target = remote;
        for (int attempt = 1; ; attempt++) {
            try {
                return target == null ? session.create(definition) : session.update(target.id(), definition);
            } catch (HamsaApiException e) {
                if (!e.isOutcomeUnknown() || attempt >= Math.max(1, config.maxAttempts())) {
                    throw e;
                }
                progress.accept("? " + name + ": " + e.getMessage() + "; checking whether it took effect");
                pause(attempt);
                Optional<RemoteWebTool> now = findOurs(name);
                if (now.isPresent() && (target == null
                        || builder.changes(now.get().definition(), definition, true).isEmpty())) {
                    return now.get();
                }
                target = now.orElse(target);
            }
        }
    }

    private Optional<RemoteWebTool> findOurs(String name) {
        return session.find(name).named(name).stream()
                .filter(RemoteWebTool.class::isInstance).map(RemoteWebTool.class::cast)
                .filter(t -> builder.mapper().claims(t.serverUrl(), true))
                .max(OurTool.PREFERRED);
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
