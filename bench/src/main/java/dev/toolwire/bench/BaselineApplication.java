package dev.toolwire.bench;

import io.micronaut.runtime.Micronaut;

/** Starts the baseline server the benchmark compares Toolwire with. */
public final class BaselineApplication {

    private BaselineApplication() {}

    /**
     * Starts the server.
     *
     * @param args Micronaut's arguments
     */
    public static void main(String[] args) {
        Micronaut.run(BaselineApplication.class, args);
    }
}
