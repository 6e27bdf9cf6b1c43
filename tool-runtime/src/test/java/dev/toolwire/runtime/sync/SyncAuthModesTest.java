package dev.toolwire.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.auth.ToolCredentials;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.store.SyncLock;
import dev.toolwire.testing.FakeHamsa.Dialect;
import dev.toolwire.testing.FakeHamsa;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * Credentials in the bodies per auth mode (in each dialect of Hamsa's API), token reuse versus
 * minting, and the startup trigger.
 */
class SyncAuthModesTest {

    private static final FakeHamsa HAMSA = FakeHamsa.start("runtime-key");
    private static final FakeHamsa GUIDE = FakeHamsa.start("runtime-key", Dialect.GUIDE);

    @BeforeEach
    void reset() {
        HAMSA.reset();
        GUIDE.reset();
    }

    @AfterAll
    static void stop() {
        HAMSA.close();
        GUIDE.close();
    }

    private static FakeHamsa fake(Dialect dialect) {
        return dialect == Dialect.GUIDE ? GUIDE : HAMSA;
    }

    /** A stored tool's credential fields and URL, in either shape: {@code authToken}, {@code headers} as a map, {@code url}. */
    private static Map<String, JsonNode> settings(FakeHamsa fake, String name) {
        JsonNode tool = fake.tool(name).orElseThrow();
        if (fake.dialect() == Dialect.REFERENCE) {
            JsonNode settings = tool.path("toolSettings");
            return Map.of("authToken", settings.path("authToken"), "headers", settings.path("httpHeaders"),
                    "url", settings.path("serverUrl"));
        }
        ObjectNode headers = Json.MAPPER.createObjectNode();
        tool.path("headers").forEach(h -> headers.put(h.path("name").asText(), h.path("value").asText()));
        return Map.of("authToken", tool.path("authToken"), "headers", headers, "url", tool.path("url"));
    }

    private static Map<String, Object> properties(String... extra) {
        Map<String, Object> p = new HashMap<>(Map.of(
                "spec.name", "SyncAuthModesTest",
                "toolwire.public-url", "https://voice.example.org/api",
                "toolwire.hamsa.base-url", HAMSA.url().toString(),
                "toolwire.hamsa.api-key", "runtime-key",
                "toolwire.hamsa.requests-per-minute", "60000",
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

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void eachAuthModeGetsItsCredential_andAValidTokenIsReused(Dialect dialect) {
        FakeHamsa fake = fake(dialect);
        try (ApplicationContext context = ApplicationContext.run(properties("toolwire.hamsa.base-url", fake.url().toString()))) {
            SyncResult first = sync(context);
            assertEquals(3, first.created(), first.failures().toString());
            ToolCredentials credentials = context.getBean(ToolCredentials.class);

            Map<String, JsonNode> jwt = settings(fake, "jwt_tool");
            assertTrue(credentials.accepts(jwt.get("authToken").asText(), "jwt_tool", Duration.ofDays(364)));
            assertTrue(jwt.get("authToken").asText().startsWith("Bearer "));
            assertEquals(0, jwt.get("headers").size());
            assertEquals("https://voice.example.org/api/tools/jwt_tool", jwt.get("url").asText());
            Map<String, JsonNode> header = settings(fake, "header_tool");
            assertEquals("fixture-header-value", header.get("headers").path("X-API-Key").asText());
            assertTrue(header.get("authToken").isNull());
            Map<String, JsonNode> open = settings(fake, "open_tool");
            assertTrue(open.get("authToken").isNull());
            assertEquals(0, open.get("headers").size());
            if (dialect == Dialect.GUIDE) {
                assertEquals("jwtAuth", fake.tool("jwt_tool").orElseThrow().path("authType").asText());
                assertEquals("none", fake.tool("header_tool").orElseThrow().path("authType").asText());
                assertEquals("none", fake.tool("open_tool").orElseThrow().path("authType").asText());
            }

            SyncPlan again = context.getBean(DefinitionSyncService.class).plan(false);
            assertEquals(3, again.count(SyncPlan.Action.UNCHANGED));
            assertEquals(0, again.count(SyncPlan.Action.UPDATE), "the stored token was reused, not replaced");
            assertFalse(credentials.accepts(jwt.get("authToken").asText(), "header_tool", Duration.ZERO),
                    "the token is scoped to its own tool");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aTokenThatExpiresTooSoon_isReplaced_andOnlyThatFieldChanges(Dialect dialect) {
        String baseUrl = fake(dialect).url().toString();
        try (ApplicationContext context = ApplicationContext.run(properties("toolwire.hamsa.base-url", baseUrl))) {
            sync(context);
        }
        try (ApplicationContext context = ApplicationContext.run(properties("toolwire.sync.token-min-remaining", "400d",
                "toolwire.hamsa.base-url", baseUrl))) {
            SyncPlan plan = context.getBean(DefinitionSyncService.class).plan(false);
            SyncPlan.Entry jwt = plan.entries().stream().filter(e -> e.name().equals("jwt_tool")).findFirst().orElseThrow();
            assertEquals(SyncPlan.Action.UPDATE, jwt.action());
            assertEquals(1, jwt.changes().size());
            assertEquals(dialect == Dialect.GUIDE ? "~ authToken: (secret) -> (secret)"
                    : "~ toolSettings.authToken: (secret) -> (secret)", jwt.changes().get(0).toString());
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
    void onStartup_withoutFailOnError_keepsServingWhenTheKeyIsRefused() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties("toolwire.sync.on-startup",
                "true", "toolwire.hamsa.api-key", "wrong", "micronaut.server.port", "-1",
                // only the sync talks to Hamsa here, not the health check
                "toolwire.hamsa.health-check-interval", "0s"))) {
            server.getApplicationContext().getBean(SyncOnStartup.class).finished().get(20, TimeUnit.SECONDS);
            assertTrue(server.isRunning());
            assertEquals(1, HAMSA.requests().size(), "a refused key is not retried");
        }
    }

    @Test
    void onStartup_whileAnotherReplicaHoldsTheSyncLock_skipsTheSync() throws InterruptedException {
        SyncLock heldElsewhere = new SyncLock() {
            @Override
            public Optional<Lease> tryAcquire(String name, Duration lease) {
                return Optional.empty();
            }

            @Override
            public Optional<String> holder(String name) {
                return Optional.of("replica-b/42");
            }
        };
        ListAppender<ILoggingEvent> logs = capture();
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(properties("toolwire.sync.on-startup", "true", "micronaut.server.port", "-1",
                        "toolwire.hamsa.health-check-interval", "0s"))
                .singletons(heldElsewhere).start()) {
            context.getBean(EmbeddedServer.class).start();
            awaitCondition(() -> logs.list.stream().anyMatch(e -> e.getFormattedMessage().startsWith("Hamsa sync skipped")));
            assertEquals("Hamsa sync skipped: another replica (replica-b/42) is syncing the same definitions.",
                    logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                            .filter(m -> m.startsWith("Hamsa sync skipped")).findFirst().orElseThrow());
            assertEquals(0, HAMSA.requests().size(), "a replica that skips never talks to Hamsa");
        } finally {
            release(logs);
        }
    }

    @Test
    void onStartup_withTheSyncLockOutOfReach_syncsAnyway() throws InterruptedException {
        SyncLock unreachable = new SyncLock() {
            @Override
            public Optional<Lease> tryAcquire(String name, Duration lease) {
                throw new IllegalStateException("connection refused");
            }

            @Override
            public Optional<String> holder(String name) {
                return Optional.empty();
            }
        };
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(properties("toolwire.sync.on-startup", "true", "micronaut.server.port", "-1"))
                .singletons(unreachable).start()) {
            context.getBean(EmbeddedServer.class).start();
            awaitCondition(() -> HAMSA.tools().size() == 3);
        }
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(SyncOnStartup.class);
        logger.setLevel(Level.INFO);
        logger.addAppender(logs);
        return logs;
    }

    private static void release(ListAppender<ILoggingEvent> logs) {
        Logger logger = (Logger) LoggerFactory.getLogger(SyncOnStartup.class);
        logger.detachAppender(logs);
        logger.setLevel(null);
    }

    /** Waits for something the background sync does; the bound only stops a broken test from hanging. */
    private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), "the condition never became true");
    }
}
