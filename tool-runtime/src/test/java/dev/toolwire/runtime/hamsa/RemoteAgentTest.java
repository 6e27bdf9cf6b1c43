package dev.toolwire.runtime.hamsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading an agent's tools and writing back only the entries addressed, in both agent models. */
class RemoteAgentTest {

    private static RemoteAgent read(String json, AgentModel api) {
        try {
            RemoteAgent agent = AgentReader.read(HamsaJson.MAPPER.readTree(json.replace('\'', '"')), api);
            assertNotNull(agent);
            return agent;
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void oneToolAtTwoFlowNodes_isTwoEntries_eachRepointedOnItsOwn_andDetachingOneKeepsTheOther() {
        RemoteAgent agent = read("{'id':'a','name':'Flow','llm':{'temperature':0.25},'tools':["
                + "{'persistentId':'p','toolId':'v2','version':2,'toolType':'FUNCTION','nodeId':'n1','overrides':{'x':1}},"
                + "{'persistentId':'p','toolId':'v3','version':3,'toolType':'FUNCTION','nodeId':'n2'},"
                + "{'persistentId':'other','toolId':'o1','version':1,'toolType':'FUNCTION'}]}", AgentModel.V2);
        assertEquals(3, agent.tools().size());

        ObjectNode repointed = agent.withTools(List.of(new RemoteAgent.Repoint(agent.tools().get(0), "v4", 4),
                new RemoteAgent.Repoint(agent.tools().get(1), "v4", 4)));
        assertEquals("{'persistentId':'p','toolId':'v4','version':4,'toolType':'FUNCTION','nodeId':'n1','overrides':{'x':1}}"
                .replace('\'', '"'), repointed.at("/tools/0").toString());
        assertEquals("n2", repointed.at("/tools/1/nodeId").asText());
        assertEquals("o1", repointed.at("/tools/2/toolId").asText());
        assertEquals("0.25", repointed.at("/llm/temperature").toString(), "numbers kept as they came");
        assertEquals("a", agent.raw().path("id").asText());
        assertEquals(false, repointed.has("id"), "the server's members are not sent");

        ObjectNode detached = agent.withTools(List.of(new RemoteAgent.Detach(agent.tools().get(0))));
        assertEquals(List.of("v3", "o1"), List.of(detached.at("/tools/0/toolId").asText(), detached.at("/tools/1/toolId").asText()));
    }

    @Test
    void anEntryNamedByAnotherMember_isNotReadAsATool_soItIsNeverEdited() {
        RemoteAgent agent = read("{'id':'a','tools':[{'webToolId':'v2','persistentId':'p'},{'id':'x'}]}", AgentModel.V2);
        assertEquals(List.of(), agent.tools());
    }

    @Test
    void v1Ids_areReplacedInPlace_withTheirOverridesMoved_andAttachAppends() {
        RemoteAgent agent = read("{'id':'a','webToolsIds':['v1','o1'],'webToolsOverrides':{'v1':{'params':{'c':'p'}}},"
                + "'tools':{'smartCallEnd':true}}", AgentModel.V2);
        assertEquals(AgentModel.V1, agent.model(), "webToolsIds decide, whatever API answered");
        ObjectNode body = agent.withTools(List.of(new RemoteAgent.Repoint(agent.tools().get(0), "v2", 2),
                new RemoteAgent.Attach(null, "n1", 1)));
        assertEquals("[\"v2\",\"o1\",\"n1\"]", body.path("webToolsIds").toString());
        assertEquals("{\"v2\":{\"params\":{\"c\":\"p\"}}}", body.path("webToolsOverrides").toString());
        assertEquals("{\"smartCallEnd\":true}", body.path("tools").toString(), "v1's built-in toggles untouched");

        ObjectNode detached = agent.withTools(List.of(new RemoteAgent.Detach(agent.tools().get(0))));
        assertEquals("[\"o1\"]", detached.path("webToolsIds").toString());
        assertEquals("{}", detached.path("webToolsOverrides").toString());
    }

    @Test
    void maskedSecretsInTheAnswer_areFound_soTheAgentIsNotWrittenBack() {
        RemoteAgent agent = read("{'id':'a','llm':{'apiKey':'sk-****abcd'},'webhookAuth':{'authSecret':'\u2022\u2022\u2022\u2022'},"
                + "'tools':[]}", AgentModel.V2);
        assertEquals(List.of("/llm/apiKey", "/webhookAuth/authSecret"), agent.maskedMembers());
        JsonNode clean = read("{'id':'a','llm':{'apiKey':'sk-live-1'},'tools':[]}", AgentModel.V2).raw();
        assertEquals(List.of(), read(clean.toString(), AgentModel.V2).maskedMembers());
    }
}
