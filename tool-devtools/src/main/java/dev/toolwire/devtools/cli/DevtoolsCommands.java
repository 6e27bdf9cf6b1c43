package dev.toolwire.devtools.cli;

import dev.toolwire.runtime.cli.CliSession;
import dev.toolwire.runtime.cli.CommandContribution;
import io.micronaut.core.annotation.Internal;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Adds {@code export} and {@code train}, in that order, to the command line of an application that
 * has {@code tool-devtools} on its class path; the runtime finds this class through
 * {@code META-INF/services/dev.toolwire.runtime.cli.CommandContribution}.
 */
@Internal
public final class DevtoolsCommands implements CommandContribution {

    /** Used by {@link java.util.ServiceLoader}. */
    public DevtoolsCommands() {}

    @Override
    public Map<String, CommandSpec> commands(CliSession session) {
        Map<String, CommandSpec> commands = new LinkedHashMap<>();
        commands.put("export", new ExportCommand(session).spec());
        commands.put("train", new TrainCommand(session).spec());
        return commands;
    }
}
