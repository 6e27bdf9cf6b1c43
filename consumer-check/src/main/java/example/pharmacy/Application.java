package example.pharmacy;

import dev.toolwire.runtime.Toolwire;

/** Starts the pharmacy's server, or runs a Toolwire command ({@code tools}, {@code sync}, ...). */
public final class Application {

    private Application() {}

    /**
     * Serves, or runs the command named by the first argument.
     *
     * @param args the program arguments
     */
    public static void main(String[] args) {
        Toolwire.run(Application.class, args);
    }
}
