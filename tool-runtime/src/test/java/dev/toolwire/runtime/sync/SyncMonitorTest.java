package dev.toolwire.runtime.sync;

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
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The sync's writes are counted, and the {@code hamsa} health entry reports the last exchange. */
class SyncMonitorTest {

    private static Map<String, Object> properties(String baseUrl) {
        return Map.of(
                "spec.name", "SyncAuthModesTest",
                "toolwire.public-url", "https://voice.example.org/api",
                "toolwire.hamsa.base-url", baseUrl,
                "toolwire.hamsa.api-key", "monitor-key",
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

    private static HealthResult health(ApplicationContext context) {
        return Mono.from(context.getBean(HamsaHealthIndicator.class).getResult()).block();
    }

    private static Map<?, ?> details(ApplicationContext context) {
        return (Map<?, ?>) health(context).getDetails();
    }
}
