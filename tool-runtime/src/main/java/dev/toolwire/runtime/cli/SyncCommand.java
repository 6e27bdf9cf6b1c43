package dev.toolwire.runtime.cli;

import dev.toolwire.runtime.sync.DefinitionSyncService;
import dev.toolwire.runtime.sync.PlanPrinter;
import dev.toolwire.runtime.sync.SyncConfiguration;
import dev.toolwire.runtime.sync.SyncOptions;
import dev.toolwire.runtime.sync.SyncPlan;
import dev.toolwire.runtime.sync.SyncResult;
import dev.toolwire.runtime.sync.ToolSyncException;
import dev.toolwire.runtime.sync.VerifyReport;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code sync [--dry-run] [--prune] [--rotate-credentials] [--agent <id>]... [--verify] [--adopt-from <url>]}:
 * prints the plan (its first line names the dialect of Hamsa's API in use), then (unless a dry run) applies it with a
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

    private final OptionSpec agent = OptionSpec.builder("--agent")
            .paramLabel("<id>")
            .type(String[].class)
            .description("Attach every tool to this voice agent (repeatable; also toolwire.hamsa.agents). Agents that use "
                    + "an older version of one of these tools follow the new one whether named or not.")
            .build();
    private final OptionSpec verify = OptionSpec.builder("--verify")
            .type(boolean.class)
            .description("Afterwards, have Hamsa call every tool as published (test-api-tool) with a request the tool "
                    + "refuses before it runs; exit 1 when one is not reached or its credential is refused "
                    + "(also toolwire.sync.verify).")
            .build();
    private final OptionSpec adoptFrom = OptionSpec.builder("--adopt-from")
            .paramLabel("<old public URL>")
            .type(String.class)
            .description("Take the tools published under this old public URL over in place (same tool, so agents keep "
                    + "them) instead of reporting them as conflicts.")
            .build();

    SyncCommand(CliSession session) {
        this.session = session;
    }

    CommandSpec spec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(this)
                .addOption(dryRun)
                .addOption(prune)
                .addOption(rotate)
                .addOption(agent)
                .addOption(verify)
                .addOption(adoptFrom)
                .mixinStandardHelpOptions(true);
        spec.usageMessage().description(
                "Make the web tools on Hamsa match the code: print the plan, then create and update tools.",
                "Exit code: 0 success, 1 some writes failed, 2 bad configuration (public URL, API key, auth).");
        return spec;
    }

    /** An absolute http(s) URL, without a trailing slash. */
    private static URI oldPublicUrl(String value) {
        URI url;
        try {
            url = new URI(value.strip().replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            url = null;
        }
        if (url == null || !url.isAbsolute() || url.getHost() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
            throw new IllegalArgumentException("--adopt-from needs the old public URL, an absolute http(s) URL such as "
                    + "https://old-tools.example.com; it is '" + value + "'.");
        }
        return url;
    }

    @Override
    public Integer call() {
        Optional<DefinitionSyncService> service = session.context().findBean(DefinitionSyncService.class);
        if (service.isEmpty()) {
            session.err().println("The sync is disabled (toolwire.sync.enabled=false).");
            return ToolwireCli.USAGE;
        }
        Optional<SyncConfiguration> config = session.context().findBean(SyncConfiguration.class);
        boolean pruning = Boolean.TRUE.equals(prune.getValue()) || config.map(SyncConfiguration::prune).orElse(false);
        boolean verifying = Boolean.TRUE.equals(verify.getValue()) || config.map(SyncConfiguration::verify).orElse(false);
        URI adopting;
        try {
            adopting = adoptFrom.getValue() == null ? null : oldPublicUrl(adoptFrom.getValue());
        } catch (IllegalArgumentException e) {
            session.err().println("Error: " + e.getMessage());
            return ToolwireCli.USAGE;
        }
        String[] agents = agent.getValue();
        try {
            SyncPlan plan = service.get().plan(new SyncOptions(pruning, Boolean.TRUE.equals(rotate.getValue()),
                    agents == null ? List.of() : List.of(agents), verifying, adopting));
            PlanPrinter.lines(plan).forEach(session.out()::println);
            int exit = 0;
            if (Boolean.TRUE.equals(dryRun.getValue())) {
                session.out().println("Dry run: nothing was written.");
            } else {
                if (!plan.hasWrites()) {
                    session.out().println("Nothing to write.");
                }
                SyncResult result = service.get().apply(plan, session.out()::println);
                session.out().println("Sync: " + result.summary() + ".");
                result.failures().forEach(f -> session.err().println("Failed: " + f));
                exit = result.exitCode();
            }
            if (verifying) {
                session.out().println("Verify: Hamsa calls each tool as published, with a request it refuses before it runs:");
                VerifyReport report = service.get().verify(plan, line -> session.out().println("  " + line));
                session.out().println("Verify: " + report.summary() + ".");
                report.failures().forEach(f -> session.err().println("Not verified: " + f));
                exit = Math.max(exit, report.exitCode());
            }
            return exit;
        } catch (ToolSyncException e) {
            session.err().println("Error: " + e.getMessage());
            return e.exitCode();
        }
    }
}
