package dev.toolwire.testing;

import static dev.toolwire.testing.HamsaHttp.fullGuideBody;
import static dev.toolwire.testing.HamsaHttp.json;
import static dev.toolwire.testing.HamsaHttp.referenceBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.testing.HamsaHttp.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The scriptable hostile server behaviours, one test each, over real HTTP. */
class FakeHamsaQuirksTest {

    private static final String LIST = "/v2/voice-agents/web-tool/list";
    private static final String TOOL = "/v2/voice-agents/web-tool";
    private static final String TOGGLE = "/v1/voice-agents/web-tool/toggle-activation";
    @RegisterExtension
    static final BothDialects FAKES = new BothDialects("k-q");
    private static final FakeHamsa HAMSA = FAKES.reference;
    private static final FakeHamsa GUIDE = FAKES.guide;
    private final HamsaHttp http = new HamsaHttp(HAMSA);
    private final HamsaHttp guide = new HamsaHttp(GUIDE);

    private static void seedTools(int count) {
        for (int i = 0; i < count; i++) {
            HAMSA.seed(referenceBody("tool_" + i));
        }
    }

    private static List<String> names(Answer list) {
        List<String> names = new ArrayList<>();
        list.data().path("items").forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    private static String toggleBody(String id, boolean active) {
        return json("{'id':'" + id + "','isActive':" + active + "}");
    }

    @Test
    void listSupersededVersions_listsEveryRecordWithItsOwnState() throws Exception {
        String a1 = HAMSA.seed(referenceBody("a")).path("id").asText();
        String a2 = http.patch(TOOL + "/" + a1, referenceBody("a")).data().path("id").asText();
        http.post(TOGGLE, toggleBody(a2, false));
        HAMSA.seed(referenceBody("b"));
        assertEquals(2, http.get(LIST).data().path("items").size());

        HAMSA.listSupersededVersions(true);
        JsonNode data = http.get(LIST).data();
        assertEquals(3, data.path("total").asInt());
        JsonNode items = data.path("items");
        assertEquals(List.of("a", "a", "b"), names(http.get(LIST)));
        assertEquals(a1, items.at("/0/id").asText());
        assertEquals(1, items.at("/0/version").asInt());
        assertTrue(items.at("/0/isActive").asBoolean());
        assertEquals(a2, items.at("/1/id").asText());
        assertEquals(2, items.at("/1/version").asInt());
        assertFalse(items.at("/1/isActive").asBoolean());
        assertEquals(1, http.get(LIST + "?isActive=false").data().path("total").asInt());
        assertEquals(2, HAMSA.tools().size());

        Answer toggled = http.post(TOGGLE, toggleBody(a1, true));
        assertEquals(2, toggled.data().path("version").asInt());
        Answer patched = http.patch(TOOL + "/" + a1, referenceBody("a"));
        assertEquals(3, patched.data().path("version").asInt());
        List<JsonNode> versions = new ArrayList<>(HAMSA.versions("a"));
        assertEquals(List.of(1, 2, 3), versions.stream().map(v -> v.path("version").asInt()).toList());
        assertEquals(List.of(true, true, true), versions.stream().map(v -> v.path("isActive").asBoolean()).toList());
        assertEquals(List.of(), HAMSA.versions("nope"));
    }

    @Test
    void skipIsOffset_makesSkipAZeroBasedItemOffset() throws Exception {
        seedTools(5);
        assertEquals(400, http.get(LIST + "?skip=0").status());
        assertEquals(List.of("tool_2", "tool_3"), names(http.get(LIST + "?skip=2&take=2")));

        HAMSA.skipIsOffset(true);
        assertEquals(List.of("tool_0", "tool_1"), names(http.get(LIST + "?skip=0&take=2")));
        assertEquals(List.of("tool_3", "tool_4"), names(http.get(LIST + "?skip=3&take=2")));
        assertEquals(List.of("tool_0", "tool_1"), names(http.get(LIST + "?take=2")));
        Answer negative = http.get(LIST + "?skip=-1");
        assertEquals(400, negative.status());
        assertEquals(10400, negative.json().at("/error/code").asInt());
    }

    @Test
    void capTake_cutsEveryPageToTheCap() throws Exception {
        seedTools(5);
        HAMSA.capTake(2);
        Answer first = http.get(LIST + "?skip=1&take=10");
        assertEquals(List.of("tool_0", "tool_1"), names(first));
        assertEquals(5, first.data().path("total").asInt());
        assertEquals(2, first.data().path("filtered").asInt());
        assertEquals(List.of("tool_2", "tool_3"), names(http.get(LIST + "?skip=2&take=10")));
        assertEquals(List.of("tool_0"), names(http.get(LIST + "?take=1")));

        HAMSA.capTake(0);
        assertEquals(5, http.get(LIST + "?take=10").data().path("items").size());
    }

    @Test
    void omitTotal_leavesOutTotalAndFiltered() throws Exception {
        seedTools(3);
        assertTrue(http.get(LIST).data().has("total"));
        HAMSA.omitTotal(true);
        JsonNode data = http.get(LIST).data();
        assertEquals(List.of("items"), fieldNames(data));
        assertEquals(3, data.path("items").size());
    }

    @Test
    void maskSecrets_masksEveryAnsweredReferenceTool_notTheStoredOne() throws Exception {
        HAMSA.maskSecrets(true);
        JsonNode created = http.post(TOOL, referenceBody("ping")).data();
        String id = created.path("id").asText();
        List<JsonNode> answered = List.of(created,
                http.get(LIST).data().at("/items/0"),
                http.get("/v1/voice-agents/web-tool/" + id).data(),
                http.post(TOGGLE, toggleBody(id, true)).data(),
                http.patch(TOOL + "/" + id, referenceBody("ping")).data());
        for (JsonNode tool : answered) {
            assertEquals("Bearer ****", tool.at("/toolSettings/authToken").asText(), tool.toString());
            assertEquals("****", tool.at("/toolSettings/httpHeaders/X-Api-Key").asText(), tool.toString());
        }
        String plain = referenceBody("plain").replace("Bearer sk-plain", "sk-plain");
        assertEquals("****", http.post(TOOL, plain).data().at("/toolSettings/authToken").asText());

        ObjectNode stored = HAMSA.tool("ping").orElseThrow();
        assertEquals("Bearer sk-ping", stored.at("/toolSettings/authToken").asText());
        assertEquals("key-ping", stored.at("/toolSettings/httpHeaders/X-Api-Key").asText());
        assertEquals("Bearer sk-ping", HAMSA.versions("ping").get(0).at("/toolSettings/authToken").asText());
    }

    @Test
    void maskSecrets_masksGuideTokenAndHeaderValues() throws Exception {
        GUIDE.maskSecrets(true);
        JsonNode created = guide.post("/v2/web-tool", fullGuideBody("orders")).data();
        JsonNode listed = guide.get("/v2/web-tool/list").data().at("/items/0");
        for (JsonNode tool : List.of(created, listed)) {
            assertEquals("Bearer ****", tool.path("authToken").asText());
            assertEquals("****", tool.at("/headers/0/value").asText());
            assertEquals("X-Api-Key", tool.at("/headers/0/name").asText());
            assertEquals("ORD-12345", tool.at("/pathParameters/0/defaultValue").asText());
        }
        JsonNode stored = GUIDE.tool("orders").orElseThrow();
        assertEquals("Bearer sk-orders", stored.path("authToken").asText());
        assertEquals("key-orders", stored.at("/headers/0/value").asText());
    }

    @Test
    void successFalseOnSuccess_turnsEverySuccessIntoTheV1Artefact() throws Exception {
        assertTrue(http.get(LIST).json().path("success").asBoolean());
        HAMSA.successFalseOnSuccess(true);

        Answer list = http.get(LIST);
        assertEquals(200, list.status());
        assertEquals(List.of("success", "message", "data"), fieldNames(list.json()));
        assertFalse(list.json().path("success").asBoolean());
        assertEquals("success", list.json().path("message").asText());
        Answer created = http.post(TOOL, referenceBody("ping"));
        assertEquals(201, created.status());
        assertFalse(created.json().path("success").asBoolean());
        assertEquals("success", created.json().path("message").asText());
        assertEquals("ping", created.data().path("name").asText());

        Answer invalid = http.post(TOOL, "{}");
        assertEquals(400, invalid.status());
        assertEquals("Validation failed", invalid.json().path("message").asText());
        assertEquals(10400, invalid.json().at("/error/code").asInt());
    }

    @Test
    void basePath_servesOnlyUnderThePrefix() throws Exception {
        String root = HAMSA.url().toString();
        HAMSA.basePath("/hamsa/");
        assertEquals(root + "/hamsa", HAMSA.url().toString());

        Answer prefixed = http.get(LIST);
        assertEquals(200, prefixed.status());
        assertEquals("/hamsa" + LIST, HAMSA.takeRequest().path());
        Answer bare = http.sendRaw("GET", LIST, null);
        assertEquals(404, bare.status());
        assertEquals(10404, bare.json().at("/error/code").asInt());
        assertEquals(404, http.sendRaw("GET", "/hamsax" + LIST, null).status());
        assertEquals(201, http.post(TOOL, referenceBody("ping")).status());
        assertEquals(404, http.sendRaw("POST", TOOL, referenceBody("pong")).status());
        assertEquals(1, HAMSA.versionCount());
        assertThrows(IllegalArgumentException.class, () -> HAMSA.basePath("hamsa"));

        HAMSA.reset();
        assertEquals(root, HAMSA.url().toString());
        assertEquals(200, http.sendRaw("GET", LIST, null).status());
    }

    @Test
    void omitCreatedAt_leavesItOutOfEveryAnsweredTool_notTheStoredOne() throws Exception {
        HAMSA.omitCreatedAt(true);
        JsonNode created = http.post(TOOL, referenceBody("ping")).data();
        String id = created.path("id").asText();
        List<JsonNode> answered = List.of(created,
                http.get(LIST).data().at("/items/0"),
                http.get("/v1/voice-agents/web-tool/" + id).data(),
                http.post(TOGGLE, toggleBody(id, true)).data(),
                http.patch(TOOL + "/" + id, referenceBody("ping")).data());
        for (JsonNode tool : answered) {
            assertFalse(tool.has("createdAt"), tool.toString());
            assertTrue(tool.has("updatedAt"), tool.toString());
        }
        assertTrue(HAMSA.tool("ping").orElseThrow().has("createdAt"));
        GUIDE.omitCreatedAt(true);
        assertFalse(guide.post("/v2/web-tool", fullGuideBody("orders")).data().has("createdAt"));
    }

    @Test
    void beforeList_holdsListsUntilItReturns_whileWritesGoThrough() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HAMSA.beforeList(() -> {
            held.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CompletableFuture<Answer> list = CompletableFuture.supplyAsync(() -> {
            try {
                return http.get(LIST);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        assertTrue(held.await(10, TimeUnit.SECONDS), "the hook ran");
        assertEquals(201, http.post(TOOL, referenceBody("made_meanwhile")).status(), "a write is served while a list is held");
        assertFalse(list.isDone());
        release.countDown();
        assertEquals(List.of("made_meanwhile"), names(list.get(10, TimeUnit.SECONDS)), "the held list sees the write");

        HAMSA.beforeList(null);
        assertEquals(200, http.get(LIST).status());
    }

    @Test
    void reset_turnsEveryBehaviourOff() throws Exception {
        HAMSA.listSupersededVersions(true).skipIsOffset(true).capTake(1).omitTotal(true).maskSecrets(true)
                .successFalseOnSuccess(true).omitCreatedAt(true).basePath("/gw")
                .beforeList(() -> {
                    throw new IllegalStateException("the hook outlived reset()");
                });
        HAMSA.reset();
        String id = HAMSA.seed(referenceBody("a")).path("id").asText();
        http.patch(TOOL + "/" + id, referenceBody("a"));
        HAMSA.seed(referenceBody("b"));

        Answer list = http.get(LIST + "?skip=1&take=5");
        assertTrue(list.json().path("success").asBoolean());
        assertEquals(List.of("a", "b"), names(list));
        assertEquals(2, list.data().path("total").asInt());
        assertEquals("Bearer sk-a", list.data().at("/items/0/toolSettings/authToken").asText());
        assertTrue(list.data().at("/items/0").has("createdAt"));
        assertEquals(400, http.get(LIST + "?skip=0").status());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
