package dev.toolwire.runtime.cli;

import io.micronaut.core.annotation.Internal;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URL;
import java.security.CodeSource;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs one command of the Toolwire command line ({@code tools}, {@code describe}, {@code call},
 * {@code sync}, {@code token}, then those of every {@link CommandContribution} on the class path,
 * such as {@code export} and {@code train} from {@code tool-devtools}), built with picocli's
 * programmatic API (no reflection). The application context is started only when a command needs
 * it; none of the runtime's own commands starts the HTTP server.
 */
@Internal
public final class ToolwireCli {

    /** Exit code of a failed call or command. */
    public static final int FAILED = 1;
    /** Exit code of a usage error or an unknown tool. */
    public static final int USAGE = 2;

    private ToolwireCli() {}

    /**
     * Runs a command.
     *
     * @param application the application class
     * @param out standard output: the command's result
     * @param err standard error: messages and usage
     * @param args the command line
     * @return the exit code
     */
    public static int execute(Class<?> application, PrintStream out, PrintStream err, String... args) {
        try (CliSession session = new CliSession(application, out, err)) {
            CommandLine commandLine = new CommandLine(root(application, session));
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
                err.println("Error: " + e.getMessage());
                return FAILED;
            });
            return commandLine.execute(args);
        }
    }

    private static CommandSpec root(Class<?> application, CliSession session) {
        Callable<Integer> usage = () -> {
            session.err().println("Missing command. Run with --help to see the commands.");
            return USAGE;
        };
        CommandSpec root = CommandSpec.wrapWithoutInspection(usage)
                .name(commandName(application))
                .mixinStandardHelpOptions(true);
        root.usageMessage()
                .description("Runs the Toolwire application: with no arguments it starts the HTTP server; "
                        + "with a command it runs that command and exits.")
                .commandListHeading("%nCommands:%n");
        root.version("Toolwire " + version());
        root.addSubcommand("tools", new ToolsCommand(session).spec());
        root.addSubcommand("describe", new DescribeCommand(session).spec());
        root.addSubcommand("call", new CallCommand(session).spec());
        root.addSubcommand("sync", new SyncCommand(session).spec());
        root.addSubcommand("token", new TokenCommand(session).spec());
        ClassLoader loader = application.getClassLoader();
        for (CommandContribution contribution : ServiceLoader.load(CommandContribution.class, loader)) {
            contribution.commands(session).forEach(root::addSubcommand);
        }
        return root;
    }

    private static String commandName(Class<?> application) {
        CodeSource source = application.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        String path = location == null ? "" : location.getPath();
        if (path.endsWith(".jar")) {
            return "java -jar " + path.substring(path.lastIndexOf('/') + 1);
        }
        return "toolwire";
    }

    private static String version() {
        Package p = ToolwireCli.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "(development)" : v;
    }
}
