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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Toolwire.execute(TrainCommandTest.class, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "train");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed + err.toString(StandardCharsets.UTF_8));
        // record_note (JWT, POST): 401, 403, 400; read_note (HEADER, GET): 401; archive_note (HEADER, POST) and
        // pin_note (HEADER, PUT): 401, 400 each, the 400s with one header value, which a limit of one call a
        // minute would refuse the second time; count_notes (NONE, POST): 400; list_notes (NONE, GET): nothing,
        // since any request would run it.
        assertEquals("Trained on 6 tools with 9 requests: 4 x 400, 4 x 401, 1 x 403.", printed.strip());
        assertEquals(callsBefore, TrainingTools.CALLS.get());
        assertEquals(List.of(), HAMSA.requests());
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
