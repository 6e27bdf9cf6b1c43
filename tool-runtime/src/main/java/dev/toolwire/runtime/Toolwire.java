package dev.toolwire.runtime;

import dev.toolwire.runtime.cli.ToolwireCli;
import io.micronaut.runtime.Micronaut;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry point of a Toolwire application: starts the HTTP server, or runs one command of the
 * Toolwire command line.
 *
 * <pre>{@code
 * public final class Application {
 *     public static void main(String[] args) {
 *         Toolwire.run(Application.class, args);
 *     }
 * }
 * }</pre>
 *
 * <p>With no arguments, or only options such as {@code --micronaut.server.port=8081}, the server
 * starts. When the first argument is a command ({@code tools}, {@code describe}, {@code call},
 * {@code sync}, {@code token}, and with {@code tool-devtools} on the class path {@code export} and
 * {@code train}) or {@code --help}, that command runs
 * (without the HTTP server, except {@code train}) and the JVM exits with its code:
 * {@code 0} on success, {@code 1} when a called tool failed, {@code 2} on a usage error or an
 * unknown tool.
 *
 * <p>First, {@code io.netty.jfr.enabled} is set to {@code false} unless the command line or the
 * code set it: Netty 4.2 otherwise registers its buffer events with Java Flight Recorder while it
 * serves the first request. Pass {@code -Dio.netty.jfr.enabled=true} to record them.
 */
public final class Toolwire {

    /**
     * System properties set first thing, when not set already (the server and the {@code train}
     * command's server see them): {@code io.netty.jfr.enabled=false}, because Netty 4.2 registers its
     * buffer events with Java Flight Recorder while it serves the first request (about 20 ms to 60 ms
     * of it) even when no recording runs.
     */
    static final Map<String, String> SERVER_PROPERTY_DEFAULTS = Map.of("io.netty.jfr.enabled", "false");

    private Toolwire() {}

    /**
     * Starts the server, or runs a command and exits the JVM with its exit code.
     *
     * @param application the application class, used for the package to scan and the class loader
     * @param args the program arguments
     */
    public static void run(Class<?> application, String... args) {
        Objects.requireNonNull(application, "application");
        applyServerPropertyDefaults();
        if (isCommand(args)) {
            System.exit(execute(application, System.out, System.err, args));
        }
        if (!librariesFit(application, System.err)) {
            System.exit(2);
        }
        Micronaut.run(application, args);
    }

    static void applyServerPropertyDefaults() {
        SERVER_PROPERTY_DEFAULTS.forEach((name, value) -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
    }

    /**
     * Runs a command without exiting the JVM, writing its output to the given streams. This is what
     * {@link #run(Class, String...)} does for commands, and it is how tests drive the command line.
     *
     * @param application the application class, used for the package to scan and the class loader
     * @param out where the command's result goes (JSON, tables)
     * @param err where errors and usage messages go
     * @param args the command and its arguments, e.g. {@code "describe", "lookup_customer"}
     * @return the exit code: {@code 0} success, {@code 1} the called tool failed, {@code 2} usage
     *     error or unknown tool
     */
    public static int execute(Class<?> application, PrintStream out, PrintStream err, String... args) {
        Objects.requireNonNull(application, "application");
        if (!librariesFit(application, err)) {
            return 2;
        }
        return ToolwireCli.execute(application, out, err, args);
    }

    /** Says on {@code err} what to change in the build when a required library does not fit. */
    private static boolean librariesFit(Class<?> application, PrintStream err) {
        Optional<String> problem = RequiredLibraries.problem(application.getClassLoader());
        problem.ifPresent(message -> err.println("Toolwire cannot start: " + message));
        return problem.isEmpty();
    }

    /**
     * Whether the arguments ask for a command rather than the server.
     *
     * @param args the program arguments
     * @return {@code true} when the first argument is a command name or a help option
     */
    static boolean isCommand(String... args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return !first.startsWith("-") || first.equals("-h") || first.equals("--help");
    }
}
