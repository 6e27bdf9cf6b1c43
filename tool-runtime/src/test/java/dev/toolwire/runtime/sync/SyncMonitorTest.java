package dev.toolwire.runtime.sync;

import static dev.toolwire.runtime.Polling.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.testing.FakeHamsa;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The sync's writes are counted, and the {@code hamsa} health entry reports the last exchange: a
 * sync's, or the periodic reachability check's of a running server.
 */
class SyncMonitorTest {

    /** The longest wait for the server's background work; only a broken test waits that long. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static Map<String, Object> properties(String baseUrl) {
        return Map.of(
                "spec.name", "SyncAuthModesTest",
                "toolwire.public-url", "https://voice.example.org/api",
                "toolwire.hamsa.base-url", baseUrl,
                "toolwire.hamsa.api-key", "monitor-key",
                "toolwire.hamsa.requests-per-minute", "60000",
                "toolwire.hamsa.max-attempts", "1",
                "toolwire.auth.jwt.secret", "sync-monitor-test-secret-0123456789abcdef",
                "toolwire.auth.header.values", "fixture-header-value");
    }

    @Test
    void sync_countsWritesAndHealthSaysHamsaWasReached() {
        try (FakeHamsa hamsa = FakeHamsa.start("monitor-key");
                ApplicationContext context = ApplicationContext.run(properties(hamsa.url().toString()))) {
            assertEquals(Map.of("checked", false), details(context));

            DefinitionSyncService service = context.getBean(DefinitionSyncService.class);
            service.apply(service.plan(false), line -> { });

            Counter created = context.getBean(MeterRegistry.class).find(SyncMonitor.WRITES)
                    .tag("action", "create").tag("outcome", "ok").counter();
            assertNotNull(created);
            assertEquals(3.0, created.count());
            Map<?, ?> details = details(context);
            assertEquals(true, details.get("reachable"), details.toString());
            assertFalse(details.containsKey("problem"), details.toString());
        }
    }

    @Test
    void hamsaDown_healthStaysUpButSaysUnreachable() {
        try (ApplicationContext context = ApplicationContext.run(properties("http://127.0.0.1:9"))) {
            DefinitionSyncService service = context.getBean(DefinitionSyncService.class);
            assertThrows(ToolSyncException.class, () -> service.plan(false));

            HealthResult result = health(context);
            assertEquals("UP", result.getStatus().getName());
            Map<?, ?> details = (Map<?, ?>) result.getDetails();
            assertEquals(false, details.get("reachable"), details.toString());
            assertTrue(details.containsKey("problem"), details.toString());
        }
    }

    @Test
    void runningServer_checksHamsaPeriodically_andHealthFollowsItsReachability() throws InterruptedException {
        FakeHamsa hamsa = FakeHamsa.start("monitor-key");
        Map<String, Object> properties = new HashMap<>(properties(hamsa.url().toString()));
        properties.put("toolwire.hamsa.health-check-interval", "100ms");
        properties.put("micronaut.server.port", "-1");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            ApplicationContext context = server.getApplicationContext();
            assertTrue(eventually(() -> Boolean.TRUE.equals(details(context).get("reachable")), WAIT), details(context).toString());
            assertEquals(HamsaReachabilityCheck.OPERATION, details(context).get("operation"));
            assertTrue(hamsa.requests().stream().anyMatch(r -> r.path().endsWith("/list") && "1".equals(r.query().get("take"))),
                    "one page of one tool is enough: " + hamsa.requests());

            hamsa.close();
            assertTrue(eventually(() -> Boolean.FALSE.equals(details(context).get("reachable")), WAIT), details(context).toString());
            assertEquals("UP", health(context).getStatus().getName(), "serving tools does not need Hamsa");
        } finally {
            hamsa.close();
        }
    }

    @Test
    void theReachabilityCheck_reachesAHamsaThatSpeaksTheGuideDialect() {
        try (FakeHamsa hamsa = FakeHamsa.start("monitor-key", FakeHamsa.Dialect.GUIDE);
                ApplicationContext context = ApplicationContext.run(properties(hamsa.url().toString()))) {
            context.getBean(HamsaReachabilityCheck.class).check();

            Map<?, ?> details = details(context);
            assertEquals(true, details.get("reachable"), details.toString());
            assertFalse(details.containsKey("problem"), details.toString());
            assertEquals(List.of(404, 200), hamsa.requests().stream().map(r -> r.status()).toList(),
                    "the reference path first, then the guide's");
        }
    }

    @Test
    void aServerWithoutAKey_neverChecks() throws InterruptedException {
        try (FakeHamsa hamsa = FakeHamsa.start("monitor-key")) {
            Map<String, Object> properties = new HashMap<>(properties(hamsa.url().toString()));
            properties.remove("toolwire.hamsa.api-key");
            properties.put("toolwire.hamsa.health-check-interval", "10ms");
            properties.put("micronaut.server.port", "-1");
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
                Thread.sleep(300);
                assertEquals(Map.of("checked", false), details(server.getApplicationContext()));
            }
            assertEquals(List.of(), hamsa.requests());
        }
    }

    private static HealthResult health(ApplicationContext context) {
        return Mono.from(context.getBean(HamsaHealthIndicator.class).getResult()).block();
    }

    private static Map<?, ?> details(ApplicationContext context) {
        return (Map<?, ?>) health(context).getDetails();
    }
}
