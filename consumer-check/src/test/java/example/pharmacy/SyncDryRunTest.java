package example.pharmacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.Toolwire;
import dev.toolwire.testing.FakeHamsa;
import dev.toolwire.testing.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code sync --dry-run} of the pharmacy's tools against a fake Hamsa: a plan, and nothing written. */
class SyncDryRunTest {

    private static final Map<String, String> PROPERTIES = Map.of(
            "toolwire.public-url", "https://pharmacy.example.com",
            "toolwire.hamsa.api-key", "test-key",
            "toolwire.auth.jwt.secret", "tool-secret-for-the-consumer-check-0123456789",
            "pharmacy.api.secret", "api-secret-for-the-consumer-check-0123456789abc");

    private static FakeHamsa hamsa;

    @BeforeAll
    static void start() {
        hamsa = FakeHamsa.start("test-key");
        PROPERTIES.forEach(System::setProperty);
        System.setProperty("toolwire.hamsa.base-url", hamsa.url().toString());
    }

    @AfterAll
    static void stop() {
        PROPERTIES.keySet().forEach(System::clearProperty);
        System.clearProperty("toolwire.hamsa.base-url");
        hamsa.close();
    }

    @Test
    void plansTheToolsAndWritesNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Toolwire.execute(Application.class, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "sync", "--dry-run");

        String plan = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, plan + err.toString(StandardCharsets.UTF_8));
        assertTrue(plan.contains("find_prescription"), plan);
        assertTrue(hamsa.requests().stream().noneMatch(RecordedRequest::isWrite), "a dry run writes nothing");
        assertTrue(hamsa.tools().isEmpty());
    }
}
