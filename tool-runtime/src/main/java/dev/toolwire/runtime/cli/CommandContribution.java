package dev.toolwire.runtime.cli;

import io.micronaut.core.annotation.Internal;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Commands that another Toolwire module adds to the command line, such as {@code export} and
 * {@code train} from {@code tool-devtools}. {@link ToolwireCli} finds the implementations with
 * {@link java.util.ServiceLoader}, through the application class's class loader, so a module
 * contributes its commands by being on the class path with a
 * {@code META-INF/services/dev.toolwire.runtime.cli.CommandContribution} file naming its
 * implementation, which needs a public no-argument constructor.
 *
 * <p>The contributed commands are listed after the runtime's own ({@code tools}, {@code describe},
 * {@code call}, {@code sync}, {@code token}), each module's in the order its map iterates. A name
 * that is already taken fails the command line with picocli's duplicate-name error.
 */
@Internal
public interface CommandContribution {

    /**
     * The commands for one run of the command line.
     *
     * @param session the run's session: its output streams and its application context, started
     *     on first use
     * @return command name to picocli specification, in the order {@code --help} lists them
     */
    Map<String, CommandSpec> commands(CliSession session);
}
