package dev.toolwire.runtime.hamsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.HamsaConfiguration;
import dev.toolwire.testing.FakeHamsa;
import dev.toolwire.testing.RecordedRequest;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Hamsa client over real HTTP against the fake: paging, auth header, errors, retries, pacing. */
class HamsaClientTest {

    private static final String KEY = "client-test-key-42";
    private static final FakeHamsa HAMSA = FakeHamsa.start(KEY);

    @BeforeEach
    void reset() {
        HAMSA.reset();
    }

    @AfterAll
    static void stop() {
        HAMSA.close();
    }

    private static ApplicationContext context(String... extra) {
        Map<String, Object> p = new HashMap<>(Map.of(
                "toolwire.hamsa.base-url", HAMSA.url().toString(),
                "toolwire.hamsa.api-key", KEY,
                "toolwire.hamsa.backoff", "2ms",
                "toolwire.hamsa.max-backoff", "10ms",
                "toolwire.hamsa.page-size", "3"));
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return ApplicationContext.run(p);
    }

    private static WebToolDefinition body(String name, String description) {
        return new WebToolDefinition("FUNCTION", name, description, false, null,
                HamsaJson.MAPPER.createObjectNode().put("type", "object"), Map.of(),
                "https://tools.example.com/tools/" + name, "POST", WebToolDefinition.NO_AUTH, null, BigDecimal.TEN,
                Map.of(), Map.of());
    }

    private static List<String> names(WebToolListing listing) {
        return listing.latestVersions().stream().map(ListedWebTool::name).toList();
    }

    @Test
    void listsEveryPage_withTheTokenHeader() {
        for (int i = 0; i < 7; i++) {
            HAMSA.seed("{\"type\":\"FUNCTION\",\"name\":\"t" + i + "\",\"description\":\"d\",\"async\":false,"
                    + "\"toolSettings\":{\"serverUrl\":\"https://x.example.com/t\",\"methodType\":\"GET\"}}");
        }
        try (ApplicationContext context = context()) {
            WebToolListing tools = context.getBean(HamsaClient.class).session().list();

            assertEquals(List.of("t0", "t1", "t2", "t3", "t4", "t5", "t6"), names(tools));
            assertEquals(List.of("1", "2", "3", "4"), HAMSA.requests().stream().map(r -> r.query().get("skip")).toList(),
                    "pages until one brings nothing new");
            assertEquals("3", HAMSA.requests().get(0).query().get("take"));
            assertEquals("Token " + KEY, HAMSA.requests().get(0).header("Authorization").orElseThrow());
            RemoteWebTool first = (RemoteWebTool) tools.items().get(0);
            assertEquals(0, BigDecimal.TEN.compareTo(first.definition().timeoutSeconds()), "answered in ms, read as s");
        }
    }

    @Test
    void aKeyStoredWithItsTokenPrefix_andTheEnvironmentFallback_areAccepted() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "hamsa.base-url", HAMSA.url().toString(), "hamsa.api-key", "Token " + KEY))) {
            HamsaClient client = context.getBean(HamsaClient.class);
            assertEquals(HAMSA.url(), client.baseUrl());
            assertEquals(List.of(), client.session().list().items());
            assertEquals("Token " + KEY, HAMSA.requests().get(0).header("Authorization").orElseThrow());
        }
    }

    @Test
    void createUpdateGetAndToggle() {
        try (ApplicationContext context = context()) {
            HamsaSession session = context.getBean(HamsaClient.class).session();
            RemoteWebTool created = (RemoteWebTool) session.create(body("ping", "Pings."));
            assertEquals(1, created.version());
            RemoteWebTool updated = (RemoteWebTool) session.update(created.id(), body("ping", "Pings twice."));
            assertEquals(2, updated.version());
            assertEquals(created.persistentId(), updated.persistentId());
            assertEquals("Pings twice.", updated.definition().description());
            session.setActivation(updated.id(), false);
            assertFalse(HAMSA.tool("ping").orElseThrow().path("isActive").asBoolean());
            RecordedRequest toggle = HAMSA.requests().get(HAMSA.requests().size() - 1);
            assertEquals("/v1/voice-agents/web-tool/toggle-activation", toggle.path());
            assertEquals("{\"id\":\"" + updated.id() + "\",\"isActive\":false}", toggle.body().toString());
            RecordedRequest create = HAMSA.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
            assertFalse(create.body().has("collectionId"), "null members are left out");
        }
    }

    @Test
    void validationErrors_areTypedAndNeverRetried() {
        try (ApplicationContext context = context()) {
            HamsaApiException e = assertThrows(HamsaApiException.class,
                    () -> context.getBean(HamsaClient.class).session().create(body("ping", "")));
            assertEquals(HamsaApiException.Kind.VALIDATION, e.kind());
            assertEquals(400, e.status());
            assertEquals(10400, e.hamsaCode());
            assertEquals("POST", e.method());
            assertTrue(e.getMessage().startsWith("Hamsa API POST /v2/voice-agents/web-tool failed: HTTP 400, code 10400"),
                    e.getMessage());
            assertTrue(e.body().contains("description must be a string"), e.body());
            assertEquals(2, HAMSA.requests().size(), "the dialect is found out by one list, then one create");
        }
    }

    @Test
    void aRefusedKey_isAnAuthFailure_withoutTheKeyInTheMessage() {
        try (ApplicationContext context = context("toolwire.hamsa.api-key", "not-the-key-777")) {
            HamsaApiException e = assertThrows(HamsaApiException.class,
                    () -> context.getBean(HamsaClient.class).session().list());
            assertEquals(HamsaApiException.Kind.UNAUTHORIZED, e.kind());
            assertTrue(e.isAuthFailure());
            assertFalse(e.getMessage().contains("not-the-key-777"));
            assertEquals(1, HAMSA.requests().size());
        }
    }

    @Test
    void serverErrors_areRetriedOnReads_boundedByMaxAttempts() {
        try (ApplicationContext context = context("toolwire.hamsa.max-attempts", "3")) {
            HamsaClient client = context.getBean(HamsaClient.class);
            HAMSA.failNext(2, 503);
            assertEquals(List.of(), client.session().list().items());
            assertEquals(3, HAMSA.requests().size());

            HAMSA.reset();
            HAMSA.failNext(5, 500);
            HamsaApiException e = assertThrows(HamsaApiException.class, () -> client.session().list());
            assertEquals(HamsaApiException.Kind.SERVER, e.kind());
            assertEquals(3, HAMSA.requests().size());
        }
    }

    @Test
    void aCreateAnswered503_isNotRepeatedByTheClient() {
        try (ApplicationContext context = context("toolwire.hamsa.dialect", "reference")) {
            HAMSA.failNext(1, 503);
            HamsaApiException e = assertThrows(HamsaApiException.class,
                    () -> context.getBean(HamsaClient.class).session().create(body("ping", "Pings.")));
            assertTrue(e.isOutcomeUnknown());
            assertEquals(1, HAMSA.requests().size());
        }
    }

    @Test
    void a429_isWaitedOutAndRetried() {
        try (ApplicationContext context = context()) {
            HamsaClient client = context.getBean(HamsaClient.class);
            // Another client spends the whole budget, so this client's first request meets the 429 (its own
            // pacing would otherwise wait for the reset it was told about and never see one).
            HAMSA.rateLimit(1, Duration.ofSeconds(3));
            spendTheRateBudgetFromAnotherClient();
            client.session().list();
            assertTrue(HAMSA.requests().stream().anyMatch(r -> r.status() == 429));
            assertEquals(2, HAMSA.requests().stream().filter(r -> r.status() == 200).count());
        }
    }

    private static void spendTheRateBudgetFromAnotherClient() {
        HttpRequest list = HttpRequest.newBuilder(HAMSA.url().resolve("/v2/voice-agents/web-tool/list?skip=1&take=50"))
                .header("Authorization", "Token " + KEY)
                .build();
        try {
            assertEquals(200, HttpClient.newHttpClient().send(list, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noAnswer_isAnIoFailure() {
        try (ApplicationContext context = context("toolwire.hamsa.base-url", "http://127.0.0.1:1",
                "toolwire.hamsa.max-attempts", "2")) {
            HamsaApiException e = assertThrows(HamsaApiException.class,
                    () -> context.getBean(HamsaClient.class).session().list());
            assertEquals(HamsaApiException.Kind.IO, e.kind());
            assertEquals(0, e.status());
            assertNull(e.hamsaCode());
        }
    }

    @Test
    void aBaseUrlWithAPath_keepsItsPath() {
        HAMSA.basePath("/proxy/hamsa");
        try (ApplicationContext context = context("toolwire.hamsa.base-url", HAMSA.url() + "/")) {
            context.getBean(HamsaClient.class).session().list();
            assertEquals("/proxy/hamsa/v2/voice-agents/web-tool/list", HAMSA.requests().get(0).path());
            assertEquals(200, HAMSA.requests().get(0).status());
        }
    }

    @Test
    void a429_waitsAsLongAsRetryAfterSays_withinTheRunsBudget() {
        try (ApplicationContext context = context("toolwire.hamsa.max-wait", "500ms")) {
            HamsaSession session = context.getBean(HamsaClient.class).session();
            HAMSA.rateLimit(1, Duration.ofSeconds(5));
            spendTheRateBudgetFromAnotherClient();
            HamsaApiException e = assertThrows(HamsaApiException.class, session::list);
            assertEquals(HamsaApiException.Kind.RATE_LIMITED, e.kind());
            assertTrue(e.getMessage().contains("ms, more than the 500 ms left of this run's toolwire.hamsa.max-wait"),
                    e.getMessage());
            assertEquals(1, HAMSA.requests().stream().filter(r -> r.status() == 429).count(), "no retry it could not afford");
        }
    }

    @Test
    void retryAfterAndResetHeaders() {
        assertEquals(Duration.ofSeconds(7), HamsaTransport.retryAfter("7").orElseThrow());
        assertTrue(HamsaTransport.retryAfter("soon").isEmpty());
        assertEquals(Duration.ZERO, HamsaTransport.untilReset("1609459200").orElseThrow());
        assertEquals("k", HamsaClient.normaliseKey(" Token k "));
        assertNull(HamsaClient.normaliseKey(" "));
        assertEquals(URI.create("https://api.tryhamsa.com"),
                URI.create(HamsaConfiguration.DEFAULT_BASE_URL));
    }
}
