package dev.toolwire.devtools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.devtools.cli.training.TrainingTools;
import dev.toolwire.runtime.Toolwire;
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
        // record_note (JWT, POST): 401, 403, 400; read_note and search_notes (HEADER, GET): 401 each;
        // archive_note (HEADER, POST) and pin_note (HEADER, PUT): 401, 400 each, the 400s with one header value,
        // which a limit of one call a minute would refuse the second time; count_notes (NONE, POST): 400;
        // list_notes (NONE, GET): nothing, since any request would run it.
        assertEquals("Trained on 7 tools with 10 requests: 4 x 400, 5 x 401, 1 x 403.", printed.strip());
        assertEquals(callsBefore, TrainingTools.CALLS.get());
        assertEquals(List.of(), HAMSA.requests());
    }

    @Test
    void call_runsTheNamedToolsForReal_pathArgumentsInThePath_theRestInTheBodyOrQuery() {
        int callsBefore = TrainingTools.CALLS.get();

        Run run = train("--call", "count_notes={\"prefix\": \"abc\"}",
                "--call", "read_note={\"note_id\": \"n 1/2\"}",
                "--call", "pin_note={\"note_id\": \"n-7\", \"pinned\": true}",
                "--call", "search_notes={\"text\": \"a b&c=d\", \"limit\": null}");

        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals("Trained on 7 tools with 14 requests: 4 x 200, 4 x 400, 5 x 401, 1 x 403.", run.out().strip());
        assertEquals(callsBefore + 4, TrainingTools.CALLS.get());
        assertEquals(List.of("count_notes(abc)", "read_note(n 1/2)", "pin_note(n-7, true)", "search_notes(a b&c=d, none)"),
                TrainingTools.LAST_CALLS.subList(TrainingTools.LAST_CALLS.size() - 4, TrainingTools.LAST_CALLS.size()));
    }

    @Test
    void call_thatDoesNotSucceed_isReported_andExitsWithOne() {
        Run run = train("--call", "pin_note={\"note_id\": \"n-7\"}");

        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("Unexpected: pin_note: the --call got 400, expected 2xx"), run.err());
    }

    @Test
    void call_ofAnUnknownTool_withoutAnObject_orWithoutAPathValue_isAUsageError() {
        int callsBefore = TrainingTools.CALLS.get();
        Run unknown = train("--call", "count_note={}");
        Run notAnObject = train("--call", "count_notes=[1]");
        Run noPathValue = train("--call", "read_note={\"note\": \"n-1\"}");

        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("Unknown tool 'count_note'. Did you mean: count_notes?"), unknown.err());
        assertEquals(2, notAnObject.exit());
        assertTrue(notAnObject.err().contains("the arguments must be a JSON object"), notAnObject.err());
        assertEquals(2, noPathValue.exit());
        assertTrue(noPathValue.err().contains("give a value for the path placeholder 'note_id' of /notes/{note_id}"),
                noPathValue.err());
        assertEquals(callsBefore, TrainingTools.CALLS.get(), "a usage error starts nothing");
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
        assertEquals("127.0.0.1", first.get("micronaut.server.host"));
        assertEquals(false, first.get("toolwire.sync.on-startup"));
        assertEquals(false, first.get("toolwire.rate-limit.enabled"));
        assertEquals("0s", first.get("toolwire.hamsa.health-check-interval"));
        assertTrue(!first.get("toolwire.auth.jwt.secret").equals(second.get("toolwire.auth.jwt.secret")),
                "a fresh secret per run");
        assertTrue(!first.get("toolwire.auth.header.values").equals(second.get("toolwire.auth.header.values")),
                "a fresh header value per run");
    }
}
