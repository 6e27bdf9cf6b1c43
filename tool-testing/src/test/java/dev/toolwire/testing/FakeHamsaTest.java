package dev.toolwire.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's own contract, over real HTTP with the JDK client. */
class FakeHamsaTest {

    private static final FakeHamsa HAMSA = FakeHamsa.start("k-123");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    static String body(String name) {
        return ("{'type':'FUNCTION','name':'" + name + "','description':'Does " + name + "','async':false,"
                + "'params':{'type':'object','properties':{}},'messages':[{'type':'REQUEST_START','content':'One moment.'}],"
                + "'toolSettings':{'serverUrl':'https://tools.example.com/tools/" + name + "','methodType':'POST','timeOut':10}}")
                .replace('\'', '"');
    }

    record Answer(int status, JsonNode json, HttpResponse<String> raw) {}

    Answer send(String method, String path, String body, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(HAMSA.url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (key != null) {
            request.header("Authorization", "Token " + key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()), response);
    }

    @BeforeEach
    void reset() {
        HAMSA.reset();
    }

    @AfterAll
    static void stop() {
        HAMSA.close();
    }

    @Test
    void wrongKey_is401WithCode10403() throws Exception {
        Answer answer = send("GET", "/v2/voice-agents/web-tool/list", null, "nope");
        assertEquals(401, answer.status());
        assertEquals(false, answer.json().path("success").asBoolean());
        assertEquals(10403, answer.json().at("/error/code").asInt());
        assertEquals("Token nope", HAMSA.takeRequest().header("authorization").orElseThrow());
    }

    @Test
    void create_validatesAndStoresTheResponseShape() throws Exception {
        Answer bad = send("POST", "/v2/voice-agents/web-tool", "{\"type\":\"FUNCTION\",\"name\":\"\"}", "k-123");
        assertEquals(400, bad.status());
        assertEquals(10400, bad.json().at("/error/code").asInt());
        assertTrue(bad.json().at("/error/details/errors").toString().contains("toolSettings is required"));

        Answer created = send("POST", "/v2/voice-agents/web-tool", body("ping"), "k-123");
        assertEquals(201, created.status());
        JsonNode tool = created.json().path("data");
        assertEquals(1, tool.path("version").asInt());
        assertTrue(tool.path("isActive").asBoolean());
        assertEquals(10000, tool.at("/toolSettings/timeout").asInt());
        assertFalse(tool.path("toolSettings").has("timeOut"));
    }

    @Test
    void update_addsAVersionWithANewIdAndTheSamePersistentId() throws Exception {
        JsonNode v1 = HAMSA.seed(body("ping"));
        Answer updated = send("PATCH", "/v2/voice-agents/web-tool/" + v1.path("id").asText(),
                body("ping").replace("Does ping", "Pings"), "k-123");
        JsonNode v2 = updated.json().path("data");
        assertEquals(2, v2.path("version").asInt());
        assertNotEquals(v1.path("id"), v2.path("id"));
        assertEquals(v1.path("persistentId"), v2.path("persistentId"));
        assertEquals(1, HAMSA.tools().size());
        assertEquals(2, HAMSA.versionCount());
        assertEquals("Does ping", send("GET", "/v1/voice-agents/web-tool/" + v1.path("id").asText(), null, "k-123")
                .json().at("/data/description").asText());
    }

    @Test
    void list_pagesFromOne() throws Exception {
        for (int i = 0; i < 5; i++) {
            HAMSA.seed(body("tool_" + i));
        }
        JsonNode page2 = send("GET", "/v2/voice-agents/web-tool/list?skip=2&take=2", null, "k-123").json().path("data");
        assertEquals(5, page2.path("total").asInt());
        assertEquals(2, page2.path("filtered").asInt());
        assertEquals("tool_2", page2.at("/items/0/name").asText());
        assertEquals(1, send("GET", "/v2/voice-agents/web-tool/list?search=TOOL_4", null, "k-123")
                .json().at("/data/total").asInt());
    }

    @Test
    void toggleActivation_setsTheState() throws Exception {
        JsonNode tool = HAMSA.seed(body("ping"));
        Answer answer = send("POST", "/v1/voice-agents/web-tool/toggle-activation",
                "{\"id\":\"" + tool.path("id").asText() + "\",\"isActive\":false}", "k-123");
        assertEquals(200, answer.status());
        assertFalse(HAMSA.tool("ping").orElseThrow().path("isActive").asBoolean());
    }

    @Test
    void scriptedFailuresAndRateLimit() throws Exception {
        HAMSA.failNext(1, 503);
        assertEquals(503, send("GET", "/v2/voice-agents/web-tool/list", null, "k-123").status());
        assertEquals(200, send("GET", "/v2/voice-agents/web-tool/list", null, "k-123").status());

        HAMSA.failNextAfterCommit(1, 504);
        assertEquals(504, send("POST", "/v2/voice-agents/web-tool", body("ping"), "k-123").status());
        assertEquals(1, HAMSA.tools().size());

        HAMSA.rateLimit(1, Duration.ofMinutes(1));
        Answer first = send("GET", "/v2/voice-agents/web-tool/list", null, "k-123");
        assertEquals("0", first.raw().headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        Answer limited = send("GET", "/v2/voice-agents/web-tool/list", null, "k-123");
        assertEquals(429, limited.status());
        assertEquals(10429, limited.json().at("/error/code").asInt());
        assertTrue(Integer.parseInt(limited.raw().headers().firstValue("Retry-After").orElseThrow()) >= 1);
    }
}
