package dev.toolwire.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.Toolwire;
import dev.toolwire.testing.FakeHamsa;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code sync} command's configuration errors, on the CLI fixtures (which have no credentials bean). */
class SyncCommandTest {

    private static final FakeHamsa HAMSA = FakeHamsa.start("cli-key");

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void configure() {
        System.setProperty("spec.name", "ToolwireCliTest");
        System.setProperty("toolwire.public-url", "https://tools.example.com");
        System.setProperty("toolwire.hamsa.base-url", HAMSA.url().toString());
    }

    @AfterEach
    void clean() {
        System.clearProperty("toolwire.hamsa.api-key");
        System.clearProperty("toolwire.sync.enabled");
        HAMSA.reset();
    }

    @AfterAll
    static void stop() {
        for (String p : List.of("spec.name", "toolwire.public-url", "toolwire.hamsa.base-url")) {
            System.clearProperty(p);
        }
        HAMSA.close();
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Toolwire.execute(SyncCommandTest.class, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutAKey_exits2NamingTheProperty() {
        Run run = run("sync", "--dry-run");
        assertEquals(2, run.exit(), run.out());
        assertTrue(run.err().contains("set toolwire.hamsa.api-key (or the HAMSA_API_KEY environment variable)"), run.err());
        assertEquals(List.of(), HAMSA.requests());
    }

    @Test
    void withOnlyAnEphemeralKey_exits2NamingTheSecretProperty() {
        System.setProperty("toolwire.hamsa.api-key", "cli-key");
        Run run = run("sync");
        assertEquals(2, run.exit(), run.out());
        assertTrue(run.err().contains("Set toolwire.auth.jwt.secret"), run.err());
        assertEquals(List.of(), HAMSA.requests());
    }

    @Test
    void disabled_exits2() {
        System.setProperty("toolwire.sync.enabled", "false");
        Run run = run("sync");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("toolwire.sync.enabled=false"), run.err());
    }

    @Test
    void helpListsTheOptions() {
        Run run = run("sync", "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("--dry-run") && run.out().contains("--prune") && run.out().contains("--rotate-credentials"),
                run.out());
    }

    @Test
    void anUnknownDialect_exits2NamingTheProperty_beforeAnyRequest() {
        System.setProperty("toolwire.hamsa.dialect", "dashboard");
        System.setProperty("toolwire.hamsa.api-key", "cli-key");
        System.setProperty("toolwire.auth.jwt.secret", "sync-command-test-secret-0123456789abcdef");
        try {
            Run run = run("sync", "--dry-run");
            assertEquals(2, run.exit(), run.out());
            assertTrue(run.err().contains("toolwire.hamsa.dialect must be auto, reference or guide; it is 'dashboard'."),
                    run.err());
            assertEquals(List.of(), HAMSA.requests());
        } finally {
            System.clearProperty("toolwire.hamsa.dialect");
            System.clearProperty("toolwire.auth.jwt.secret");
        }
    }
}
