package dev.toolwire.examples;

import dev.toolwire.runtime.Toolwire;

/**
 * The example back office: a CRM, a helpdesk, orders, a scheduler and account reports, each served as
 * voice-agent tools on seeded in-memory data.
 *
 * <p>With no arguments it starts the server; with a command ({@code tools}, {@code describe},
 * {@code call}) it runs that command and exits.
 */
public final class Application {

    private Application() {}

    /**
     * Starts the example server or runs a Toolwire command.
     *
     * @param args nothing to serve, or a command and its options
     */
    public static void main(String[] args) {
        Toolwire.run(Application.class, args);
    }
}
