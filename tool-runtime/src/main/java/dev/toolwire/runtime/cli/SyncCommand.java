package dev.toolwire.runtime.cli;

import dev.toolwire.runtime.sync.DefinitionSyncService;
import dev.toolwire.runtime.sync.PlanPrinter;
import dev.toolwire.runtime.sync.SyncConfiguration;
import dev.toolwire.runtime.sync.SyncOptions;
import dev.toolwire.runtime.sync.SyncPlan;
import dev.toolwire.runtime.sync.SyncResult;
import dev.toolwire.runtime.sync.ToolSyncException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code sync [--dry-run] [--prune] [--rotate-credentials]}: prints the plan (its first line names the
 * dialect of Hamsa's API in use), then (unless a dry run) applies it with a
 * progress line per write and a summary. Exit 0 ok, 1 some writes failed, 2 bad configuration.
 */
final class SyncCommand implements Callable<Integer> {

    private final CliSession session;
    private final OptionSpec dryRun = OptionSpec.builder("--dry-run")
            .type(boolean.class)
            .description("Print the plan and write nothing.")
            .build();
    private final OptionSpec prune = OptionSpec.builder("--prune")
            .type(boolean.class)
            .description("Deactivate Hamsa tools under this application's public URL that are no longer in the code "
                    + "(also toolwire.sync.prune=true).")
            .build();
    private final OptionSpec rotate = OptionSpec.builder("--rotate-credentials")
            .type(boolean.class)
            .description("Publish a fresh credential (token or header value) for every tool that has one, even where "
                    + "the stored one is still good or Hamsa answers it masked.")
            .build();

    SyncCommand(CliSession session) {
        this.session = session;
    }

    CommandSpec spec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(this)
                .addOption(dryRun)
                .addOption(prune)
                .addOption(rotate)
                .mixinStandardHelpOptions(true);
        spec.usageMessage().description(
                "Make the web tools on Hamsa match the code: print the plan, then create and update tools.",
                "Exit code: 0 success, 1 some writes failed, 2 bad configuration (public URL, API key, auth).");
        return spec;
    }

    @Override
    public Integer call() {
        Optional<DefinitionSyncService> service = session.context().findBean(DefinitionSyncService.class);
        if (service.isEmpty()) {
            session.err().println("The sync is disabled (toolwire.sync.enabled=false).");
            return ToolwireCli.USAGE;
        }
        boolean pruning = Boolean.TRUE.equals(prune.getValue())
                || session.context().findBean(SyncConfiguration.class).map(SyncConfiguration::prune).orElse(false);
        try {
            SyncPlan plan = service.get().plan(new SyncOptions(pruning, Boolean.TRUE.equals(rotate.getValue())));
            PlanPrinter.lines(plan).forEach(session.out()::println);
            if (Boolean.TRUE.equals(dryRun.getValue())) {
                session.out().println("Dry run: nothing was written.");
                return 0;
            }
            if (!plan.hasWrites()) {
                session.out().println("Nothing to write.");
            }
            SyncResult result = service.get().apply(plan, session.out()::println);
            session.out().println("Sync: " + result.summary() + ".");
            result.failures().forEach(f -> session.err().println("Failed: " + f));
            return result.exitCode();
        } catch (ToolSyncException e) {
            session.err().println("Error: " + e.getMessage());
            return e.exitCode();
        }
    }
}
