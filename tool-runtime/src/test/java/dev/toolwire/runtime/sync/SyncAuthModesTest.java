package dev.toolwire.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.auth.ToolCredentials;
import dev.toolwire.testing.FakeHamsa;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credentials in the bodies per auth mode, token reuse versus minting, and the startup trigger. */
class SyncAuthModesTest {

    private static final FakeHamsa HAMSA = FakeHamsa.start("runtime-key");

    @BeforeEach
    void reset() {
        HAMSA.reset();
    }

    @AfterAll
    static void stop() {
        HAMSA.close();
    }

    private static Map<String, Object> properties(String... extra) {
        Map<String, Object> p = new HashMap<>(Map.of(
                "spec.name", "SyncAuthModesTest",
                "toolwire.public-url", "https://voice.example.org/api",
                "toolwire.hamsa.base-url", HAMSA.url().toString(),
                "toolwire.hamsa.api-key", "runtime-key",
                "toolwire.hamsa.backoff", "5ms",
                "toolwire.auth.jwt.secret", "sync-auth-modes-test-secret-0123456789abcdef",
                "toolwire.auth.header.values", "fixture-header-value"));
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return p;
    }

    private static SyncResult sync(ApplicationContext context) {
        DefinitionSyncService service = context.getBean(DefinitionSyncService.class);
        return service.apply(service.plan(false), line -> { });
    }

    @Test
    void eachAuthModeGetsItsCredential_andAValidTokenIsReused() {
        try (ApplicationContext context = ApplicationContext.run(properties())) {
            SyncResult first = sync(context);
            assertEquals(3, first.created(), first.failures().toString());
            ToolCredentials credentials = context.getBean(ToolCredentials.class);

            JsonNode jwt = HAMSA.tool("jwt_tool").orElseThrow().path("toolSettings");
            assertTrue(credentials.accepts(jwt.path("authToken").asText(), "jwt_tool", Duration.ofDays(364)));
            assertTrue(jwt.path("authToken").asText().startsWith("Bearer "));
            assertEquals(0, jwt.path("httpHeaders").size());
            assertEquals("https://voice.example.org/api/tools/jwt_tool", jwt.path("serverUrl").asText());
            JsonNode header = HAMSA.tool("header_tool").orElseThrow().path("toolSettings");
            assertEquals("fixture-header-value", header.at("/httpHeaders/X-API-Key").asText());
            assertTrue(header.path("authToken").isNull());
            JsonNode open = HAMSA.tool("open_tool").orElseThrow().path("toolSettings");
            assertTrue(open.path("authToken").isNull());
            assertEquals(0, open.path("httpHeaders").size());

            SyncPlan again = context.getBean(DefinitionSyncService.class).plan(false);
            assertEquals(3, again.count(SyncPlan.Action.UNCHANGED));
            assertEquals(0, again.count(SyncPlan.Action.UPDATE), "the stored token was reused, not replaced");
            assertFalse(credentials.accepts(jwt.path("authToken").asText(), "header_tool", Duration.ZERO),
                    "the token is scoped to its own tool");
        }
    }

    @Test
    void aTokenThatExpiresTooSoon_isReplaced_andOnlyThatFieldChanges() {
        try (ApplicationContext context = ApplicationContext.run(properties())) {
            sync(context);
        }
        try (ApplicationContext context = ApplicationContext.run(properties("toolwire.sync.token-min-remaining", "400d"))) {
            SyncPlan plan = context.getBean(DefinitionSyncService.class).plan(false);
            SyncPlan.Entry jwt = plan.entries().stream().filter(e -> e.name().equals("jwt_tool")).findFirst().orElseThrow();
            assertEquals(SyncPlan.Action.UPDATE, jwt.action());
            assertEquals(1, jwt.changes().size());
            assertEquals("~ toolSettings.authToken: (secret) -> (secret)", jwt.changes().get(0).toString());
            assertEquals(2, plan.count(SyncPlan.Action.UNCHANGED));
            assertFalse(String.join("\n", PlanPrinter.lines(plan)).contains("Bearer"));
        }
    }

    @Test
    void onStartup_syncsInTheBackgroundWhileServing() throws InterruptedException {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                properties("toolwire.sync.on-startup", "true", "micronaut.server.port", "-1"))) {
            assertTrue(server.isRunning());
            awaitCondition(() -> HAMSA.tools().size() == 3);
            assertEquals(List.of("header_tool", "jwt_tool", "open_tool"),
                    HAMSA.tools().stream().map(t -> t.path("name").asText()).sorted().toList());
            assertTrue(server.isRunning());
        }
    }

    @Test
    void onStartup_withFailOnError_stopsTheApplicationWhenTheKeyIsRefused() throws InterruptedException {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties("toolwire.sync.on-startup", "true",
                "toolwire.sync.fail-on-error", "true", "toolwire.hamsa.api-key", "wrong", "micronaut.server.port", "-1"));
        try {
            awaitCondition(() -> !server.isRunning());
            assertEquals(0, HAMSA.tools().size());
        } finally {
            if (server.isRunning()) {
                server.close();
            }
        }
    }

    @Test
    void onStartup_withoutFailOnError_keepsServingWhenTheKeyIsRefused() throws InterruptedException {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties("toolwire.sync.on-startup",
                "true", "toolwire.hamsa.api-key", "wrong", "micronaut.server.port", "-1",
                // only the sync talks to Hamsa here, not the health check
                "toolwire.hamsa.health-check-interval", "0s"))) {
            awaitCondition(() -> !HAMSA.requests().isEmpty()
                    && Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("toolwire-sync")));
            assertTrue(server.isRunning());
            assertEquals(1, HAMSA.requests().size(), "a refused key is not retried");
        }
    }

    /** Waits for something the background sync does; the bound only stops a broken test from hanging. */
    private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), "the condition never became true");
    }
}
