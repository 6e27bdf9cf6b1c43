package dev.toolwire.testing;

import static dev.toolwire.testing.HamsaHttp.fullGuideBody;
import static dev.toolwire.testing.HamsaHttp.json;
import static dev.toolwire.testing.HamsaHttp.minimalGuideBody;
import static dev.toolwire.testing.HamsaHttp.referenceBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.testing.FakeHamsa.Dialect;
import dev.toolwire.testing.HamsaHttp.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each dialect's routes, validation and answer shape, over real HTTP. */
class FakeHamsaDialectTest {

    private static final FakeHamsa GUIDE = FakeHamsa.start("k-guide", Dialect.GUIDE);
    private static final FakeHamsa REFERENCE = FakeHamsa.start("k-ref");
    private final HamsaHttp guide = new HamsaHttp(GUIDE);
    private final HamsaHttp reference = new HamsaHttp(REFERENCE);

    @BeforeEach
    void reset() {
        GUIDE.reset();
        REFERENCE.reset();
    }

    @AfterAll
    static void stop() {
        GUIDE.close();
        REFERENCE.close();
    }

    private static void assertRouteNotFound(Answer answer) {
        assertEquals(404, answer.status(), answer.json().toString());
        assertEquals(10404, answer.json().at("/error/code").asInt());
        assertEquals("Route not found", answer.json().at("/error/message").asText());
    }

    @Test
    void dialect_isReferenceUnlessAsked() {
        assertEquals(Dialect.REFERENCE, REFERENCE.dialect());
        assertEquals(Dialect.GUIDE, GUIDE.dialect());
    }

    @Test
    void guide_servesTheGuideTable() throws Exception {
        Answer created = guide.post("/v2/web-tool", minimalGuideBody("ping"));
        assertEquals(201, created.status());
        assertEquals("Web tool created successfully", created.json().path("message").asText());
        String id = created.data().path("id").asText();

        Answer updated = guide.patch("/v2/web-tool/" + id, minimalGuideBody("ping").replace("Does ping", "Pings"));
        assertEquals(200, updated.status());
        assertEquals(2, updated.data().path("version").asInt());
        assertEquals(created.data().path("persistentId"), updated.data().path("persistentId"));

        Answer list = guide.get("/v2/web-tool/list?skip=1&take=5&search=PIN");
        assertEquals(200, list.status());
        assertEquals(1, list.data().path("total").asInt());
        assertEquals(1, list.data().path("filtered").asInt());
        assertEquals("Pings", list.data().at("/items/0/description").asText());

        Answer toggled = guide.post("/v1/voice-agents/web-tool/toggle-activation", json("{'id':'" + id + "','isActive':false}"));
        assertEquals(200, toggled.status());
        assertFalse(toggled.data().path("isActive").asBoolean());
        assertEquals("https://tools.example.com/tools/ping", toggled.data().path("url").asText());

        Answer tested = guide.post("/v1/voice-agents/web-tool/test-api-tool", json("{'projectId':'" + GUIDE.projectId()
                + "','serverUrl':'" + GUIDE.url() + "/v2/web-tool/list','method':'GET','authPrefix':'Token',"
                + "'authToken':'k-guide'}"));
        assertEquals(200, tested.status());
        assertTrue(tested.text().startsWith("event: attempt\n"), tested.text());
        assertEquals(200, GUIDE.testCalls().get(0).statusCode());
        assertEquals(200, guide.get("/v1/projects/by-api-key").status());
    }

    @Test
    void guide_answers404OnTheReferenceRoutes() throws Exception {
        String id = GUIDE.seed(minimalGuideBody("ping")).path("id").asText();
        assertRouteNotFound(guide.get("/v2/voice-agents/web-tool/list"));
        assertRouteNotFound(guide.post("/v2/voice-agents/web-tool", minimalGuideBody("other")));
        assertRouteNotFound(guide.patch("/v2/voice-agents/web-tool/" + id, minimalGuideBody("ping")));
        assertRouteNotFound(guide.post("/v2/voice-agents/web-tool/version-check", "{}"));
        assertRouteNotFound(guide.get("/v1/voice-agents/web-tool/" + id));
        assertRouteNotFound(guide.get("/v1/voice-agents/web-tool/list"));
        assertRouteNotFound(guide.post("/v1/voice-agents/web-tool", minimalGuideBody("other")));
        assertRouteNotFound(guide.get("/v2/web-tool/" + id));
        assertEquals(1, GUIDE.versionCount());
    }

    @Test
    void reference_answers404OnTheGuideRoutes() throws Exception {
        String id = REFERENCE.seed(referenceBody("ping")).path("id").asText();
        assertRouteNotFound(reference.post("/v2/web-tool", referenceBody("other")));
        assertRouteNotFound(reference.get("/v2/web-tool/list"));
        assertRouteNotFound(reference.patch("/v2/web-tool/" + id, referenceBody("ping")));
        assertEquals(1, REFERENCE.versionCount());
        assertEquals(200, reference.get("/v1/voice-agents/web-tool/" + id).status());
        assertEquals(200, reference.post("/v1/voice-agents/web-tool/toggle-activation",
                json("{'id':'" + id + "','isActive':false}")).status());
    }

    @Test
    void guide_listsEveryBrokenRule() throws Exception {
        String bad = json("{'type':'TOOL','name':'','description':7,'methodType':'FETCH','url':'/relative',"
                + "'authType':'basic','authToken':5,'headers':[{'name':'X'}],'pathParameters':{'id':'1'},"
                + "'parameters':[],'timeoutSeconds':'10','async':'no','messages':[{'type':'A','content':'x'},"
                + "{'type':'A','content':'y'}],'collectionId':3}");
        Answer answer = guide.post("/v2/web-tool", bad);
        assertEquals(400, answer.status());
        assertEquals(10400, answer.json().at("/error/code").asInt());
        assertEquals(List.of(
                "type must be one of FUNCTION, MCP",
                "name must be a string of 1 to 250 characters",
                "description must be a string of 1 to 1000 characters",
                "methodType must be one of DELETE, GET, PATCH, POST, PUT",
                "url must be an absolute http(s) URL",
                "authType must be one of jwtAuth, none",
                "authToken must be a string",
                "headers[0] must be {name: string, value: string}",
                "pathParameters must be an array of {name, defaultValue}",
                "parameters must be an object",
                "timeoutSeconds must be a number",
                "async must be a boolean",
                "message type A appears more than once",
                "collectionId must be a string"), answer.problems());
        assertEquals(0, GUIDE.versionCount());

        Answer missing = guide.post("/v2/web-tool", json("{'name':'n','description':'d','methodType':'GET',"
                + "'url':'https://x.example.com','async':true}"));
        assertEquals(List.of("authType must be one of jwtAuth, none"), missing.problems());
        assertEquals(400, guide.patch("/v2/web-tool/" + GUIDE.seed(minimalGuideBody("ping")).path("id").asText(),
                "{}").status());
        assertEquals(1, GUIDE.versionCount());
    }

    @Test
    void guide_rejectsReferenceMembers_naming_them() throws Exception {
        ObjectNode body = (ObjectNode) new ObjectMapper().readTree(minimalGuideBody("ping"));
        body.putObject("toolSettings").put("serverUrl", "https://x.example.com");
        body.putObject("params");
        Answer answer = guide.post("/v2/web-tool", body.toString());
        assertEquals(400, answer.status());
        assertEquals(List.of(
                "toolSettings belongs to the reference dialect; this server speaks the guide dialect",
                "params belongs to the reference dialect; this server speaks the guide dialect"), answer.problems());
        IllegalArgumentException seeded = assertThrows(IllegalArgumentException.class, () -> GUIDE.seed(referenceBody("ping")));
        assertTrue(seeded.getMessage().contains("toolSettings belongs to the reference dialect"), seeded.getMessage());
        assertEquals(0, GUIDE.versionCount());
    }

    @Test
    void reference_rejectsGuideMembers_naming_them() throws Exception {
        String body = referenceBody("ping").replaceFirst("\\{", json("{'url':'https://x.example.com','parameters':{},"
                + "'authType':'none','headers':[],'timeoutSeconds':3,"));
        Answer answer = reference.post("/v2/voice-agents/web-tool", body);
        assertEquals(400, answer.status());
        List<String> expected = new ArrayList<>();
        for (String member : List.of("url", "parameters", "authType", "headers", "timeoutSeconds")) {
            expected.add(member + " belongs to the guide dialect; this server speaks the reference dialect");
        }
        assertEquals(expected, answer.problems());
        assertThrows(IllegalArgumentException.class, () -> REFERENCE.seed(fullGuideBody("ping")));
        assertEquals(0, REFERENCE.versionCount());
    }

    @Test
    void guide_answerShape_fillsTheDefaults() throws Exception {
        JsonNode tool = guide.post("/v2/web-tool", minimalGuideBody("ping")).data();
        List<String> fields = new ArrayList<>();
        tool.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "persistentId", "version", "name", "type", "userId", "projectId", "isActive",
                "async", "description", "collectionId", "methodType", "url", "authType", "authToken", "headers",
                "pathParameters", "parameters", "timeoutSeconds", "messages", "updatedAt", "createdAt"), fields);
        assertEquals("FUNCTION", tool.path("type").asText());
        assertEquals(1, tool.path("version").asInt());
        assertTrue(tool.path("isActive").asBoolean());
        assertTrue(tool.path("collectionId").isNull());
        assertTrue(tool.path("authToken").isNull());
        assertEquals("none", tool.path("authType").asText());
        assertEquals("[]", tool.path("headers").toString());
        assertEquals("[]", tool.path("pathParameters").toString());
        assertEquals("{}", tool.path("parameters").toString());
        assertEquals("[]", tool.path("messages").toString());
        assertEquals(10, tool.path("timeoutSeconds").asInt());
        assertEquals(tool, GUIDE.tool("ping").orElseThrow());
    }

    @Test
    void guide_answerShape_keepsWhatWasSent() throws Exception {
        JsonNode sent = new ObjectMapper().readTree(fullGuideBody("orders"));
        JsonNode created = guide.post("/v2/web-tool", fullGuideBody("orders")).data();
        for (String field : List.of("type", "name", "description", "methodType", "url", "authType", "authToken",
                "headers", "pathParameters", "parameters", "timeoutSeconds", "async", "collectionId", "messages")) {
            assertEquals(sent.get(field), created.get(field), field);
        }
        assertEquals(2.5, created.path("timeoutSeconds").asDouble());
        assertFalse(created.has("toolSettings"));
        assertFalse(created.has("params"));

        JsonNode updated = guide.patch("/v2/web-tool/" + created.path("id").asText(),
                fullGuideBody("orders").replace("\"FUNCTION\"", "\"MCP\"")).data();
        assertEquals("MCP", updated.path("type").asText());
        assertNotEquals(created.path("id"), updated.path("id"));
        assertEquals(sent.get("headers"), updated.get("headers"));
        assertEquals(updated, guide.get("/v2/web-tool/list").data().at("/items/0"));
    }
}
