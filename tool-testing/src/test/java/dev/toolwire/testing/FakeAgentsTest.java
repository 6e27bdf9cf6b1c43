package dev.toolwire.testing;

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
import dev.toolwire.testing.FakeAgents.AgentApi;
import dev.toolwire.testing.HamsaHttp.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Voice agents in both agent APIs and both tool dialects, over real HTTP. */
class FakeAgentsTest {

    @RegisterExtension
    static final BothDialects FAKES = new BothDialects("k-agents");
    private static final FakeHamsa HAMSA = FAKES.reference;
    private static final FakeHamsa GUIDE = FAKES.guide;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT_REST = json("'agentName':'Support line','voice':{'voiceId':'v-1','lang':'en'},"
            + "'llm':{'provider':'openai','model':'gpt-4o','temperature':0.7},'conversation':{'preamble':'Be kind.'}");
    private final HamsaHttp http = new HamsaHttp(HAMSA);
    private final HamsaHttp guide = new HamsaHttp(GUIDE);

    /** A v2 {@code tools[]} entry pointing at exactly this version record, with a node id and overrides. */
    private static String entry(JsonNode record) {
        return json("{'persistentId':'" + record.path("persistentId").asText() + "','toolId':'"
                + record.path("id").asText() + "','version':" + record.path("version").asInt()
                + ",'toolType':'FUNCTION','nodeId':'n-1','overrides':{'params':{'city':'Cairo'}}}");
    }

    private static String v2Agent(JsonNode... records) {
        List<String> entries = new ArrayList<>();
        for (JsonNode record : records) {
            entries.add(entry(record));
        }
        return "{" + AGENT_REST + ",\"tools\":[" + String.join(",", entries) + "]}";
    }

    private static String id(JsonNode node) {
        return node.path("id").asText();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertRouteNotFound(Answer answer) {
        assertEquals(404, answer.status(), answer.json().toString());
        assertEquals(10404, answer.json().at("/error/code").asInt());
    }

    @Test
    void seed_keepsTheAgentAsGiven_addingServerMembers() throws Exception {
        ObjectNode seeded = HAMSA.agents().seed(v2Agent());
        assertEquals(List.of("id", "agentName", "voice", "llm", "conversation", "tools", "createdAt", "updatedAt"),
                fieldNames(seeded));
        JsonNode given = JSON.readTree("{" + AGENT_REST + "}");
        for (String member : List.of("agentName", "voice", "llm", "conversation")) {
            assertEquals(given.get(member).toString(), seeded.get(member).toString(), member);
        }
        assertEquals(seeded, HAMSA.agents().get(id(seeded)).orElseThrow());
        assertTrue(HAMSA.requests().isEmpty());

        ObjectNode named = HAMSA.agents().seed(json("{'agentName':'x','id':'agent-7','resolvedWebTools':[]}"));
        assertEquals(List.of("agentName", "id", "createdAt", "updatedAt"), fieldNames(named));
        assertEquals(List.of(id(seeded), "agent-7"), HAMSA.agents().all().stream().map(FakeAgentsTest::id).toList());
        assertThrows(IllegalArgumentException.class, () -> HAMSA.agents().seed(json("{'id':'agent-7'}")));
        assertThrows(IllegalArgumentException.class, () -> HAMSA.agents().seed("[]"));
    }

    @Test
    void v2_listsAndGets_withTheLatestVersionsResolved() throws Exception {
        ObjectNode a1 = HAMSA.seed(referenceBody("a"));
        JsonNode a2 = http.patch("/v2/voice-agents/web-tool/" + id(a1), referenceBody("a").replace("Does a", "Now a")).data();
        ObjectNode b1 = HAMSA.seed(referenceBody("b"));
        ObjectNode agent = HAMSA.agents().seed(v2Agent(a1, b1, a1));
        HAMSA.agents().seed(json("{'agentName':'Other'}"));

        Answer list = http.get("/v2/voice-agents?skip=1&take=1");
        assertEquals(200, list.status());
        assertTrue(list.json().path("success").asBoolean());
        assertEquals(2, list.data().path("total").asInt());
        assertEquals(1, list.data().path("filtered").asInt());
        JsonNode listed = list.data().at("/items/0");
        assertEquals("Other", http.get("/v2/voice-agents?skip=2&take=1").data().at("/items/0/agentName").asText());

        JsonNode got = http.get("/v2/voice-agents/" + id(agent)).data();
        assertEquals(listed, got);
        assertEquals(agent.get("tools"), got.get("tools"));
        JsonNode resolved = got.path("resolvedWebTools");
        assertEquals(a2, resolved.get(0));
        assertEquals(HAMSA.tool("b").orElseThrow().toString(), resolved.get(1).toString());
        assertEquals(2, resolved.size());
        assertEquals(2, resolved.at("/0/version").asInt());
        assertEquals(10000, resolved.at("/0/toolSettings/timeout").asInt());
        assertFalse(HAMSA.agents().get(id(agent)).orElseThrow().has("resolvedWebTools"));

        HAMSA.maskSecrets(true);
        assertEquals("Bearer ****", http.get("/v2/voice-agents/" + id(agent)).data()
                .at("/resolvedWebTools/0/toolSettings/authToken").asText());
        assertEquals(404, http.get("/v2/voice-agents/nope").status());
        assertEquals(10404, http.get("/v2/voice-agents/nope").json().at("/error/code").asInt());
    }

    @Test
    void v2_answers404OnTheV1Routes_andV1OnTheV2Routes() throws Exception {
        String agent = id(HAMSA.agents().seed(v2Agent()));
        assertRouteNotFound(http.get("/v1/voice-agents"));
        assertRouteNotFound(http.get("/v1/voice-agents/" + agent));
        assertRouteNotFound(http.patch("/v1/voice-agents/" + agent, json("{'agentName':'x'}")));
        assertRouteNotFound(http.send("DELETE", "/v2/voice-agents/" + agent, null));
        assertRouteNotFound(http.get("/v2/voice-agents/web-tool"));
        assertEquals(200, http.get("/v2/voice-agents/web-tool/list").status());

        assertEquals(AgentApi.V1, HAMSA.agents().api(AgentApi.V1).api());
        assertRouteNotFound(http.get("/v2/voice-agents"));
        assertRouteNotFound(http.get("/v2/voice-agents/" + agent));
        assertRouteNotFound(http.patch("/v2/voice-agents/" + agent, json("{'agentName':'x'}")));
        assertEquals(200, http.get("/v1/voice-agents").status());
        JsonNode got = http.get("/v1/voice-agents/" + agent).data();
        assertFalse(got.has("resolvedWebTools"));
        assertEquals("Support line", got.path("agentName").asText());
    }

    @Test
    void v2_patch_replacesTheAgent_keepingServerMembers() throws Exception {
        ObjectNode a1 = HAMSA.seed(referenceBody("a"));
        ObjectNode agent = HAMSA.agents().seed(json("{'agentName':'Support line','voice':{'voiceId':'v-1'},"
                + "'createdAt':'2020-01-01T00:00:00Z','updatedAt':'2020-01-01T00:00:00Z'}"));
        String body = json("{'id':'forged','agentName':'Renamed','tools':[" + entry(a1) + "],'createdAt':'x',"
                + "'updatedAt':'y','resolvedWebTools':[{'name':'ghost'}],'webhookUrl':null}");

        Answer patched = http.patch("/v2/voice-agents/" + id(agent), body);
        assertEquals(200, patched.status(), patched.json().toString());
        assertEquals(List.of("success", "message", "messageKey", "data"), fieldNames(patched.json()));
        assertEquals("Voice agent updated successfully", patched.json().path("message").asText());
        assertEquals("VoiceAgentUpdatedSuccessfully", patched.json().path("messageKey").asText());
        ObjectNode stored = HAMSA.agents().get(id(agent)).orElseThrow();
        assertEquals(stored, patched.data());
        assertEquals(List.of("id", "agentName", "tools", "webhookUrl", "createdAt", "updatedAt"), fieldNames(stored));
        assertEquals(id(agent), id(stored));
        assertEquals("2020-01-01T00:00:00Z", stored.path("createdAt").asText());
        assertNotEquals("2020-01-01T00:00:00Z", stored.path("updatedAt").asText());
        assertNotEquals("y", stored.path("updatedAt").asText());
        assertFalse(stored.has("voice"), "replace semantics: members not sent are gone");
        assertEquals(JSON.readTree(entry(a1)), stored.at("/tools/0"));
        assertTrue(stored.path("webhookUrl").isNull());
        assertEquals(1, HAMSA.agents().all().size());
    }

    @Test
    void v2_patch_refusesToolEntriesThatAreNoStoredVersion() throws Exception {
        ObjectNode a1 = HAMSA.seed(referenceBody("a"));
        JsonNode a2 = http.patch("/v2/voice-agents/web-tool/" + id(a1), referenceBody("a")).data();
        ObjectNode b1 = HAMSA.seed(referenceBody("b"));
        ObjectNode agent = HAMSA.agents().seed(v2Agent(a1));
        String a = a1.path("persistentId").asText();
        String tools = json("[7,{'toolId':3,'version':'1'},"
                + "{'persistentId':'" + a + "','toolId':'" + id(a1) + "','version':2,'toolType':'FUNCTION'},"
                + "{'persistentId':'" + a + "','toolId':'" + id(b1) + "','version':1,'toolType':'FUNCTION'},"
                + "{'persistentId':'" + a + "','toolId':'nope','version':1,'toolType':'FUNCTION'},"
                + entry(a2) + "]");

        Answer refused = http.patch("/v2/voice-agents/" + id(agent), "{\"tools\":" + tools + "}");
        assertEquals(400, refused.status());
        assertEquals(10400, refused.json().at("/error/code").asInt());
        assertEquals(List.of(
                "tools[0] must be an object",
                "tools[1].persistentId must be a string",
                "tools[1].toolId must be a string",
                "tools[1].toolType must be a string",
                "tools[1].version must be an integer",
                "tools[2] does not match web tool " + id(a1) + ", which is version 1 of persistentId " + a,
                "tools[3] does not match web tool " + id(b1) + ", which is version 1 of persistentId "
                        + b1.path("persistentId").asText(),
                "tools[4].toolId nope is not a web tool version"), refused.problems());
        assertEquals(agent, HAMSA.agents().get(id(agent)).orElseThrow());

        assertEquals(List.of("tools must be an array of {persistentId, toolId, version, toolType}"),
                http.patch("/v2/voice-agents/" + id(agent), json("{'tools':{}}")).problems());
        assertEquals(List.of("body must be a JSON object"), http.patch("/v2/voice-agents/" + id(agent), "[]").problems());
        assertEquals(404, http.patch("/v2/voice-agents/nope", v2Agent(a2)).status());
        assertEquals(200, http.patch("/v2/voice-agents/" + id(agent), v2Agent(a2, b1)).status());
        assertEquals("n-1", HAMSA.agents().get(id(agent)).orElseThrow().at("/tools/1/nodeId").asText());
    }

    @Test
    void v1_patch_checksWebToolsIdsAndOverrides() throws Exception {
        HAMSA.agents().api(AgentApi.V1);
        ObjectNode a1 = HAMSA.seed(referenceBody("a"));
        JsonNode a2 = http.patch("/v2/voice-agents/web-tool/" + id(a1), referenceBody("a")).data();
        ObjectNode agent = HAMSA.agents().seed(json("{'name':'Support','webToolsIds':['" + id(a1) + "'],"
                + "'tools':{'genderDetection':true,'smartCallEnd':false}}"));

        Answer refused = http.patch("/v1/voice-agents/" + id(agent), json("{'webToolsIds':['" + id(a1) + "','nope',3],"
                + "'webToolsOverrides':{'" + id(a1) + "':{},'" + id(a2) + "':{'params':{}}}}"));
        assertEquals(400, refused.status());
        assertEquals(List.of(
                "webToolsIds[1] nope is not a web tool",
                "webToolsIds[2] must be a string",
                "webToolsOverrides." + id(a2) + " is not in webToolsIds"), refused.problems());
        assertEquals(List.of("webToolsIds must be an array of strings",
                        "webToolsOverrides must be an object keyed by ids in webToolsIds"),
                http.patch("/v1/voice-agents/" + id(agent), json("{'webToolsIds':'x','webToolsOverrides':[]}")).problems());
        assertEquals(List.of("webToolsOverrides." + id(a1) + " is not in webToolsIds"),
                http.patch("/v1/voice-agents/" + id(agent), json("{'webToolsOverrides':{'" + id(a1) + "':{}}}")).problems());

        String valid = json("{'name':'Support','webToolsIds':['" + id(a2) + "'],'webToolsOverrides':{'" + id(a2)
                + "':{'params':{'city':'Cairo'}}},'tools':{'genderDetection':true,'smartCallEnd':false},"
                + "'resolvedWebTools':[]}");
        Answer patched = http.patch("/v1/voice-agents/" + id(agent), valid);
        assertEquals(200, patched.status(), patched.json().toString());
        ObjectNode stored = HAMSA.agents().get(id(agent)).orElseThrow();
        assertEquals(List.of("id", "name", "webToolsIds", "webToolsOverrides", "tools", "createdAt", "updatedAt"),
                fieldNames(stored));
        assertEquals("Cairo", stored.at("/webToolsOverrides/" + id(a2) + "/params/city").asText());
        assertEquals(JSON.readTree(valid).get("tools"), stored.get("tools"));
        assertEquals(stored, http.get("/v1/voice-agents").data().at("/items/0"));
    }

    @Test
    void guideDialect_servesTheAgentRoutes_withGuideShapedTools() throws Exception {
        ObjectNode tool = GUIDE.seed(minimalGuideBody("ping"));
        ObjectNode agent = GUIDE.agents().seed(v2Agent(tool));
        JsonNode got = guide.get("/v2/voice-agents/" + id(agent)).data();
        assertEquals("https://tools.example.com/tools/ping", got.at("/resolvedWebTools/0/url").asText());
        assertEquals(1, guide.get("/v2/voice-agents").data().path("total").asInt());
        assertEquals(200, guide.patch("/v2/voice-agents/" + id(agent), v2Agent(tool)).status());
        assertRouteNotFound(guide.get("/v2/voice-agents/web-tool"));
        assertRouteNotFound(guide.get("/v2/voice-agents/web-tool/list"));
        assertRouteNotFound(guide.patch("/v2/voice-agents/web-tool/" + id(tool), minimalGuideBody("ping")));
    }

    @Test
    void reset_forgetsAgentsAndTheApi() throws Exception {
        HAMSA.agents().api(AgentApi.V1).seed(json("{'name':'x'}"));
        HAMSA.reset();
        assertEquals(AgentApi.V2, HAMSA.agents().api());
        assertEquals(List.of(), HAMSA.agents().all());
        assertEquals(0, http.get("/v2/voice-agents").data().path("total").asInt());
    }
}
