package dev.toolwire.runtime.cli;

import io.micronaut.core.annotation.Internal;
import java.io.PrintStream;

/** Runs one command of the Toolwire command line. */
@Internal
public final class ToolwireCli {

    private ToolwireCli() {}

    /**
     * Runs a command.
     *
     * @param application the application class
     * @param out standard output
     * @param err standard error
     * @param args the command line
     * @return the exit code
     */
    public static int execute(Class<?> application, PrintStream out, PrintStream err, String... args) {
        err.println("Commands are not available yet in this build.");
        return 2;
    }
}
