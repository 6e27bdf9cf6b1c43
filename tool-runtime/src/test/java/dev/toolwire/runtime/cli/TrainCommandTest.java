package dev.toolwire.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.Toolwire;
import dev.toolwire.runtime.cli.training.TrainingTools;
import dev.toolwire.testing.FakeHamsa;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code train} through {@link Toolwire#execute}: a real server on a free port, real HTTP requests. */
class TrainCommandTest {

    private static final FakeHamsa HAMSA = FakeHamsa.start("train-key");

    /**
     * What the application itself configures; the run must neither sync nor check Hamsa, nor need
     * keys, nor be cut short by a rate limit.
     */
    private static final Map<String, String> APPLICATION = Map.of(
            "spec.name", "TrainCommandTest",
            "toolwire.hamsa.base-url", HAMSA.url().toString(),
            "toolwire.hamsa.api-key", "train-key",
            "toolwire.sync.on-startup", "true",
            "toolwire.auth.require-keys", "true",
            "toolwire.rate-limit.enabled", "true",
            "toolwire.rate-limit.requests-per-minute", "1");

    @BeforeAll
    static void configure() {
        APPLICATION.forEach(System::setProperty);
    }

    @AfterAll
    static void clear() {
        APPLICATION.keySet().forEach(System::clearProperty);
        HAMSA.close();
    }

    @Test
    void everyRequestIsRefusedBeforeTheToolRuns_andHamsaIsLeftAlone() {
        int callsBefore = TrainingTools.CALLS.get();

        Run run = train();

        String printed = run.out();
        assertEquals(0, run.exit(), printed + run.err());
        // record_note (JWT, POST): 401, 403, 400; read_note (HEADER, GET): 401; archive_note (HEADER, POST) and
        // pin_note (HEADER, PUT): 401, 400 each, the 400s with one header value, which a limit of one call a
        // minute would refuse the second time; count_notes (NONE, POST): 400; list_notes (NONE, GET): nothing,
        // since any request would run it.
        assertEquals("Trained on 6 tools with 9 requests: 4 x 400, 4 x 401, 1 x 403.", printed.strip());
        assertEquals(callsBefore, TrainingTools.CALLS.get());
        assertEquals(List.of(), HAMSA.requests());
    }

    @Test
    void call_runsTheNamedToolsForReal_pathArgumentsInThePath_theRestInTheBodyOrQuery() {
        int callsBefore = TrainingTools.CALLS.get();

        Run run = train("--call", "count_notes={\"prefix\": \"abc\"}",
                "--call", "read_note={\"note_id\": \"n 1/2\"}",
                "--call", "pin_note={\"note_id\": \"n-7\", \"pinned\": true}");

        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals("Trained on 6 tools with 12 requests: 3 x 200, 4 x 400, 4 x 401, 1 x 403.", run.out().strip());
        assertEquals(callsBefore + 3, TrainingTools.CALLS.get());
        assertEquals(List.of("count_notes(abc)", "read_note(n 1/2)", "pin_note(n-7, true)"),
                TrainingTools.LAST_CALLS.subList(TrainingTools.LAST_CALLS.size() - 3, TrainingTools.LAST_CALLS.size()));
    }

    @Test
    void call_thatDoesNotSucceed_isReported_andExitsWithOne() {
        Run run = train("--call", "pin_note={\"note_id\": \"n-7\"}");

        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("Unexpected: pin_note: the --call got 400, expected 2xx"), run.err());
    }

    @Test
    void call_ofAnUnknownTool_orWithoutAnObject_isAUsageError() {
        Run unknown = train("--call", "count_note={}");
        Run notAnObject = train("--call", "count_notes=[1]");

        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("Unknown tool 'count_note'. Did you mean: count_notes?"), unknown.err());
        assertEquals(2, notAnObject.exit());
        assertTrue(notAnObject.err().contains("the arguments must be a JSON object"), notAnObject.err());
    }

    private record Run(int exit, String out, String err) {}

    private static Run train(String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[options.length + 1];
        args[0] = "train";
        System.arraycopy(options, 0, args, 1, options.length);
        int exit = Toolwire.execute(TrainCommandTest.class, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void settings_useAFreePortAndKeysOfTheirOwn() {
        Map<String, Object> first = TrainCommand.settings();
        Map<String, Object> second = TrainCommand.settings();

        assertEquals(-1, first.get("micronaut.server.port"));
        assertEquals(false, first.get("toolwire.sync.on-startup"));
        assertEquals(false, first.get("toolwire.rate-limit.enabled"));
        assertEquals("0s", first.get("toolwire.hamsa.health-check-interval"));
        String secret = (String) first.get("toolwire.auth.jwt.secret");
        assertTrue(secret.length() >= 32, secret);
        assertTrue(!secret.equals(second.get("toolwire.auth.jwt.secret")), "a fresh secret per run");
    }
}
