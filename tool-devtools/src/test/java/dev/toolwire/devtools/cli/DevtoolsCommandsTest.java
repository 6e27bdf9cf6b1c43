package dev.toolwire.devtools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.Toolwire;
import dev.toolwire.runtime.descriptor.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runtime's command line with tool-devtools on the class path: its commands are found and run. */
class DevtoolsCommandsTest {

    @BeforeAll
    static void enableFixtures() {
        System.setProperty("spec.name", "DevtoolsCommandsTest");
        System.setProperty("toolwire.public-url", "https://tools.example.com/");
        System.setProperty("toolwire.hamsa.collection-id", "c0ffee");
    }

    @AfterAll
    static void disableFixtures() {
        System.clearProperty("spec.name");
        System.clearProperty("toolwire.public-url");
        System.clearProperty("toolwire.hamsa.collection-id");
    }

    record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return Json.MAPPER.readTree(out);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Toolwire.execute(DevtoolsCommandsTest.class, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void help_listsTheDevtoolsCommandsAfterTheRuntimes() {
        Run help = run("--help");

        assertEquals(0, help.exit(), help.err());
        String commands = help.out().substring(help.out().indexOf("Commands:"));
        List<String> names = commands.lines().skip(1)
                .filter(line -> line.startsWith("  ") && !line.startsWith("   "))
                .map(line -> line.strip().split("\\s+")[0])
                .toList();
        assertEquals(List.of("tools", "describe", "call", "sync", "token", "export", "train"), names, help.out());
        String train = commands.substring(commands.indexOf("  train")).replaceAll("\\s+", " ");
        assertTrue(train.strip().endsWith("and stop."), "the summary of train is whole: " + train);
        assertEquals(0, run("train", "--help").exit());
        assertEquals(0, run("export", "--help").exit());
    }

    @Test
    void exportHamsaWithoutASecret_saysOnceWhichBodiesHaveNoToken() throws IOException {
        Run run = run("export", "--format", "hamsa");

        assertEquals(0, run.exit(), run.err());
        assertEquals(2, run.json().size(), run.out());
        assertFalse(run.out().contains("authToken"), run.out());
        assertEquals(1, run.err().lines().filter(line -> line.startsWith("Note:")).count(), run.err());
        assertTrue(run.err().contains("no credentials in the body of get_order, ping."), run.err());
        assertTrue(run.err().contains("toolwire.auth.jwt.secret"), run.err());
    }
}
