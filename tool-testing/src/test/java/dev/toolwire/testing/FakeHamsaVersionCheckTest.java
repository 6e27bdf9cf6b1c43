package dev.toolwire.testing;

import static dev.toolwire.testing.HamsaHttp.json;
import static dev.toolwire.testing.HamsaHttp.minimalGuideBody;
import static dev.toolwire.testing.HamsaHttp.referenceBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.testing.HamsaHttp.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Version-check and the key's project, over real HTTP. */
class FakeHamsaVersionCheckTest {

    private static final String CHECK = "/v2/voice-agents/web-tool/version-check";
    @RegisterExtension
    static final BothDialects FAKES = new BothDialects("k-vc");
    private static final FakeHamsa HAMSA = FAKES.reference;
    private static final FakeHamsa GUIDE = FAKES.guide;
    private final HamsaHttp http = new HamsaHttp(HAMSA);
    private final HamsaHttp guide = new HamsaHttp(GUIDE);

    private String update(String id) throws Exception {
        return http.patch("/v2/voice-agents/web-tool/" + id, referenceBody("a")).data().path("id").asText();
    }

    @Test
    void versionCheck_reportsTheLatestVersionOfEachId_afterUpdates() throws Exception {
        String a1 = HAMSA.seed(referenceBody("a")).path("id").asText();
        String b1 = HAMSA.seed(referenceBody("b")).path("id").asText();
        String check = json("{'webToolIds':['" + a1 + "','" + b1 + "','nope'],'overrides':{'" + a1 + "':{'params':{}}}}");
        JsonNode before = http.post(CHECK, check).data();
        assertFalse(before.at("/0/hasNewerVersions").asBoolean());
        assertEquals(a1, before.at("/0/latestVersionToolId").asText());

        String a2 = update(a1);
        String a3 = update(a2);
        Answer after = http.post(CHECK, json("{'webToolIds':['" + a1 + "','" + a3 + "','" + b1 + "','nope']}"));
        assertEquals(200, after.status());
        assertTrue(after.json().path("success").asBoolean());
        JsonNode data = after.data();
        assertEquals(4, data.size());
        assertEquals(json("{'toolId':'" + a1 + "','hasNewerVersions':true,'latestVersion':3,'latestVersionToolId':'" + a3
                + "','conflicts':{'params':[],'httpHeaders':[]}}"), data.get(0).toString());
        assertFalse(data.at("/1/hasNewerVersions").asBoolean());
        assertEquals(3, data.at("/1/latestVersion").asInt());
        assertEquals(a3, data.at("/1/toolId").asText());
        assertEquals(1, data.at("/2/latestVersion").asInt());
        assertEquals(b1, data.at("/2/latestVersionToolId").asText());
        assertEquals(json("{'toolId':'nope','error':'Web tool not found'}"), data.get(3).toString());
    }

    @Test
    void versionCheck_validatesTheBody() throws Exception {
        assertEquals(List.of("webToolIds must be an array of strings"), http.post(CHECK, "{}").problems());
        assertEquals(List.of("webToolIds must be an array of strings", "overrides must be an object"),
                http.post(CHECK, json("{'webToolIds':['x',1],'overrides':'x'}")).problems());
        Answer notObject = http.post(CHECK, "[]");
        assertEquals(400, notObject.status());
        assertEquals(10400, notObject.json().at("/error/code").asInt());
        assertEquals(200, http.post(CHECK, json("{'webToolIds':[],'overrides':null}")).status());
    }

    @Test
    void versionCheck_isAReferenceRoute() throws Exception {
        String id = GUIDE.seed(minimalGuideBody("ping")).path("id").asText();
        Answer answer = guide.post(CHECK, json("{'webToolIds':['" + id + "']}"));
        assertEquals(404, answer.status());
        assertEquals("Route not found", answer.json().at("/error/message").asText());
        assertEquals(404, http.post("/v1/voice-agents/web-tool/version-check", json("{'webToolIds':[]}")).status());
    }

    @Test
    void projectByApiKey_answersTheFakesProject_inBothDialects() throws Exception {
        for (HamsaHttp client : List.of(http, guide)) {
            Answer project = client.get("/v1/projects/by-api-key");
            assertEquals(200, project.status());
            assertTrue(project.json().path("success").asBoolean());
            assertEquals(HAMSA.projectId(), project.data().path("id").asText());
            assertEquals("Fake Hamsa project", project.data().path("name").asText());
        }
        assertEquals(GUIDE.projectId(), HAMSA.projectId());
        assertEquals(HAMSA.projectId(), HAMSA.seed(referenceBody("a")).path("projectId").asText());
        assertEquals(404, http.post("/v1/projects/by-api-key", "{}").status());
    }
}
