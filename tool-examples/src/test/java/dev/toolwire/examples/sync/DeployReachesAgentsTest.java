package dev.toolwire.examples.sync;

import static dev.toolwire.examples.sync.SyncRun.NAMES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.testing.FakeAgents;
import dev.toolwire.testing.FakeHamsa;
import dev.toolwire.testing.FakeHamsa.Dialect;
import dev.toolwire.testing.TestCall;
import dev.toolwire.testing.TestStream;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A deploy that reaches the agents, end to end: the example server runs on loopback (its public URL),
 * the fake Hamsa holds voice agents, and {@code sync --agent ... --verify} attaches every tool, keeps
 * everything else of each agent as it was, has the fake call every tool as published (a real HTTP
 * call to the server), re-points agents after a tool changed, and names the tools whose published
 * credential the server refuses.
 */
class DeployReachesAgentsTest {

    private static EmbeddedServer server;
    private static String publicUrl;

    @BeforeAll
    static void startTheExamples() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", "-1",
                "micronaut.server.host", "127.0.0.1"), "test");
        publicUrl = "http://127.0.0.1:" + server.getPort();
    }

    @AfterAll
    static void stop() {
        server.close();
        SyncRun.stopFakes();
    }

    private static SyncRun run(Dialect dialect) {
        return SyncRun.against(dialect).with("toolwire.public-url", publicUrl);
    }

    /** An agent with a prompt, a voice, a model and another application's tool, as a team would have it. */
    private static ObjectNode agentWithAnotherAppsTool(FakeHamsa hamsa, SyncRun run, String name) {
        ObjectNode other = hamsa.seed(run.handMade("transfer_to_human", "https://crm.example.net/hooks/transfer"));
        return hamsa.agents().seed(("{'name':'" + name + "','conversation':{'preamble':'You help callers of Acme.',"
                + "'greetingMessage':'Hello, Acme here.','pokeMessages':['Still there?']},"
                + "'voice':{'voiceId':'voice-7','lang':'ar'},'llm':{'provider':'openai','model':'gpt-4o','temperature':0.5},"
                + "'callSettings':{'maxDurationSeconds':600},'tools':[{'persistentId':'" + other.path("persistentId").asText()
                + "','toolId':'" + other.path("id").asText() + "','version':1,'toolType':'FUNCTION',"
                + "'overrides':{'params':{'department':'billing'}}}]}").replace('\'', '"'));
    }

    private static ObjectNode withoutTools(JsonNode agent) {
        ObjectNode copy = agent.deepCopy();
        copy.remove(List.of("tools", "updatedAt"));
        return copy;
    }

    private static List<String> toolNames(SyncRun run, JsonNode agent) {
        List<String> names = new ArrayList<>();
        for (JsonNode entry : agent.path("tools")) {
            run.hamsa().tools().stream().filter(t -> t.path("persistentId").equals(entry.path("persistentId")))
                    .forEach(t -> names.add(t.path("name").asText()));
        }
        return names.stream().sorted().toList();
    }

    private static JsonNode entryOf(SyncRun run, JsonNode agent, String tool) {
        String persistentId = run.tool(tool).path("persistentId").asText();
        for (JsonNode entry : agent.path("tools")) {
            if (entry.path("persistentId").asText().equals(persistentId)) {
                return entry;
            }
        }
        throw new AssertionError(tool + " is not attached to " + agent);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void syncWithAgentAndVerify_attachesEverything_keepsTheRest_andHamsaReachesEveryTool(Dialect dialect) {
        try (SyncRun run = run(dialect)) {
            FakeHamsa hamsa = run.hamsa();
            ObjectNode agent = agentWithAnotherAppsTool(hamsa, run, "Support line");
            String id = agent.path("id").asText();

            SyncRun.Run first = run.sync("--agent", id, "--verify");

            assertEquals(0, first.exit(), first.out() + first.err());
            for (String name : NAMES) {
                assertTrue(first.out().contains("  agent Support line: + " + name + " v1"), first.out());
                assertTrue(first.out().contains("  \u2713 " + name + " reached, credentials accepted (400 as expected, "),
                        first.out());
            }
            assertTrue(first.out().contains("Sync: 9 created, 0 updated, 0 unchanged, 0 deactivated, 0 failed, 1 agents updated."),
                    first.out());
            assertTrue(first.out().contains("Verify: 9 reached, 0 failed, 0 unknown, 0 not verified."), first.out());
            JsonNode now = hamsa.agents().get(id).orElseThrow();
            List<String> expected = new ArrayList<>(NAMES);
            expected.add("transfer_to_human");
            assertEquals(expected.stream().sorted().toList(), toolNames(run, now));
            assertEquals(withoutTools(agent), withoutTools(now), "every other field of the agent is as it was");
            assertEquals(agent.path("tools").get(0), now.path("tools").get(0), "the other application's entry is untouched");
            assertEquals(9, hamsa.testCalls().size());
            for (TestCall call : hamsa.testCalls()) {
                assertEquals(400, call.statusCode(), call.toString());
                assertTrue(call.url().startsWith(publicUrl), call.toString());
            }

            int before = hamsa.requests().size();
            SyncRun.Run second = run.sync("--agent", id);
            assertEquals(0, second.exit(), second.out());
            assertEquals(List.of(), run.writesSince(before), "a second run writes nothing, agents included");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aChangedTool_isFollowedByEveryAgentThatUsesIt_andOnlyItsEntryChanges(Dialect dialect) {
        try (SyncRun run = run(dialect)) {
            FakeHamsa hamsa = run.hamsa();
            ObjectNode configured = agentWithAnotherAppsTool(hamsa, run, "Support line");
            String id = configured.path("id").asText();
            assertEquals(0, run.sync("--agent", id).exit());
            // A second agent, attached by hand to one of our tools and to nothing else: not configured.
            ObjectNode order = run.tool("get_order_status");
            ObjectNode byHand = hamsa.agents().seed(("{'name':'Orders desk','tools':[{'persistentId':'"
                    + order.path("persistentId").asText() + "','toolId':'" + order.path("id").asText()
                    + "','version':1,'toolType':'FUNCTION','overrides':{'params':{'channel':'phone'}}}]}").replace('\'', '"'));
            JsonNode before = hamsa.agents().get(id).orElseThrow();
            run.editByHand(order, "Edited in the dashboard: a version 2 nobody asked for.");

            int planned = hamsa.requests().size();
            SyncRun.Run plan = run.sync("--agent", id, "--dry-run");
            assertTrue(plan.out().contains("  agent Support line: ~ get_order_status v1 -> v3"), plan.out());
            assertTrue(plan.out().contains("  agent Orders desk: ~ get_order_status v1 -> v3"), plan.out());
            assertFalse(plan.out().contains("  agent Orders desk: +"), "nothing is attached to an agent nobody configured");
            assertEquals(List.of(), run.writesSince(planned), "a dry run writes nothing");

            SyncRun.Run sync = run.sync("--agent", id, "--verify");

            assertEquals(0, sync.exit(), sync.out() + sync.err());
            ObjectNode newest = run.tool("get_order_status");
            assertEquals(3, newest.path("version").asInt());
            for (String agentId : List.of(id, byHand.path("id").asText())) {
                JsonNode entry = entryOf(run, hamsa.agents().get(agentId).orElseThrow(), "get_order_status");
                assertEquals(newest.path("id"), entry.path("toolId"), agentId + " uses the newest version");
                assertEquals(3, entry.path("version").asInt());
            }
            JsonNode desk = hamsa.agents().get(byHand.path("id").asText()).orElseThrow();
            assertEquals(1, desk.path("tools").size(), "the agent nobody configured only follows: " + desk);
            assertEquals("{\"params\":{\"channel\":\"phone\"}}", entryOf(run, desk, "get_order_status").path("overrides")
                    .toString(), "overrides kept");
            JsonNode after = hamsa.agents().get(id).orElseThrow();
            assertEquals(withoutTools(before), withoutTools(after));
            assertEquals(before.path("tools").get(0), after.path("tools").get(0), "the other application's tool untouched");
            assertTrue(sync.out().contains("Verify: 9 reached, 0 failed"), sync.out());

            int quiet = hamsa.requests().size();
            assertEquals(0, run.sync("--agent", id).exit());
            assertEquals(List.of(), run.writesSince(quiet));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aWrongPublishedSecret_failsVerification_namingEachTool(Dialect dialect) {
        try (SyncRun run = run(dialect)) {
            run.with("toolwire.auth.jwt.secret", "not-the-secret-the-server-uses-0123456789abcdef");

            SyncRun.Run sync = run.sync("--verify");

            assertEquals(1, sync.exit(), sync.out());
            assertTrue(sync.out().contains("  \u2717 lookup_customer: reached, but the published credential was refused (401"),
                    sync.out());
            assertTrue(sync.err().contains("Not verified: lookup_customer: reached, but the published credential was refused"),
                    sync.err());
            assertTrue(sync.out().contains("  \u2713 check_availability reached, credentials accepted"),
                    "the header tool's credential is right: " + sync.out());
            assertTrue(sync.out().contains("Verify: 1 reached, 8 failed"), sync.out());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anUnreachableUrl_andAnAnswerThatSaysNothing_areReportedAsSuch(Dialect dialect) throws IOException {
        try (SyncRun run = SyncRun.against(dialect).with("toolwire.public-url", "http://127.0.0.1:" + closedPort())) {
            SyncRun.Run unreachable = run.sync("--verify");
            assertEquals(1, unreachable.exit(), unreachable.out());
            assertTrue(unreachable.out().contains("  \u2717 get_order_status: not reachable from Hamsa: Connection refused"),
                    unreachable.out());

            run.hamsa().testStream(TestStream.OPAQUE);
            SyncRun.Run opaque = run.sync("--verify");
            assertEquals(0, opaque.exit(), "unknown is not a failure: " + opaque.out());
            assertTrue(opaque.out().contains("  ? get_order_status unknown: Hamsa's answer did not say how the call went"),
                    opaque.out());
            assertTrue(opaque.out().contains("Verify: 0 reached, 0 failed, 9 unknown"), opaque.out());
        }
    }

    @ParameterizedTest
    @EnumSource(value = FakeAgents.AgentApi.class)
    void v1Agents_followNewVersionsThroughTheirIds_withOverridesMoved(FakeAgents.AgentApi api) {
        try (SyncRun run = run(Dialect.REFERENCE)) {
            FakeHamsa hamsa = run.hamsa();
            hamsa.agents().api(api);
            assertEquals(0, run.sync().exit());
            ObjectNode order = run.tool("get_order_status");
            String oldId = order.path("id").asText();
            String body = api == FakeAgents.AgentApi.V1
                    ? "{'name':'Legacy line','webToolsIds':['" + oldId + "'],'webToolsOverrides':{'" + oldId
                            + "':{'params':{'channel':'phone'}}},'webhookUrl':'https://crm.example.net/hook'}"
                    : "{'name':'Legacy line','tools':[{'persistentId':'" + order.path("persistentId").asText()
                            + "','toolId':'" + oldId + "','version':1,'toolType':'FUNCTION'}]}";
            String id = hamsa.agents().seed(body.replace('\'', '"')).path("id").asText();
            run.editByHand(order, "Edited by hand.");

            SyncRun.Run sync = run.sync();

            assertEquals(0, sync.exit(), sync.out() + sync.err());
            String newest = run.tool("get_order_status").path("id").asText();
            JsonNode agent = hamsa.agents().get(id).orElseThrow();
            if (api == FakeAgents.AgentApi.V1) {
                assertEquals("[\"" + newest + "\"]", agent.path("webToolsIds").toString());
                assertEquals("{\"params\":{\"channel\":\"phone\"}}", agent.at("/webToolsOverrides/" + newest).toString());
                assertFalse(agent.path("webToolsOverrides").has(oldId));
                assertEquals("https://crm.example.net/hook", agent.path("webhookUrl").asText());
            } else {
                assertEquals(newest, agent.at("/tools/0/toolId").asText());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aMovedPublicUrl_isExplained_andAdoptFromTakesTheToolsOverInPlace(Dialect dialect) {
        try (SyncRun run = run(dialect)) {
            FakeHamsa hamsa = run.hamsa();
            run.with("toolwire.public-url", "https://old-tools.example.com");
            assertEquals(0, run.sync().exit());
            ObjectNode agent = agentWithAnotherAppsTool(hamsa, run, "Support line");
            String id = agent.path("id").asText();
            assertEquals(0, run.sync("--agent", id).exit());
            String persistentId = run.tool("lookup_customer").path("persistentId").asText();
            run.with("toolwire.public-url", publicUrl);

            SyncRun.Run conflicts = run.sync("--dry-run");
            assertTrue(conflicts.out().contains("Note: 9 tools in conflict are published under https://old-tools.example.com "
                    + "instead: if this application moved from there, sync --adopt-from https://old-tools.example.com"),
                    conflicts.out());

            SyncRun.Run adopted = run.sync("--adopt-from", "https://old-tools.example.com", "--agent", id, "--verify");

            assertEquals(0, adopted.exit(), adopted.out() + adopted.err());
            assertTrue(adopted.out().contains("  ~ lookup_customer (update version 1, adopted from https://old-tools.example.com"),
                    adopted.out());
            assertEquals(persistentId, run.tool("lookup_customer").path("persistentId").asText(), "the same tool");
            assertEquals(publicUrl + "/tools/lookup_customer", run.serverUrl(run.tool("lookup_customer")));
            assertEquals(2, entryOf(run, hamsa.agents().get(id).orElseThrow(), "lookup_customer").path("version").asInt());
            assertEquals(10, hamsa.tools().size(), "nothing created: 9 adopted and the other application's tool");
            assertTrue(adopted.out().contains("Verify: 9 reached"), adopted.out());
            int moved = hamsa.requests().size();
            SyncRun.Run after = run.sync();
            assertEquals(0, after.exit(), after.out());
            assertTrue(after.out().contains("0 in conflict"), "after the move, the plain sync owns them: " + after.out());
            assertEquals(List.of(), run.writesSince(moved));
        }
    }

    /** A loopback port nothing listens on (it was free a moment ago). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anAgentWhoseAnswerShowsASecretMasked_isNeverWrittenBack(Dialect dialect) {
        try (SyncRun run = run(dialect)) {
            FakeHamsa hamsa = run.hamsa();
            ObjectNode agent = hamsa.agents().seed("{\"name\":\"Masked line\",\"llm\":{\"apiKey\":\"sk-****9f2c\"},\"tools\":[]}");
            String id = agent.path("id").asText();

            SyncRun.Run sync = run.sync("--agent", id);

            assertEquals(1, sync.exit(), sync.out());
            assertTrue(sync.out().contains("! agent Masked line: not written: Hamsa answers /llm/apiKey masked"), sync.out());
            assertEquals(agent, hamsa.agents().get(id).orElseThrow(), "the agent is as it was");
            assertEquals(NAMES, run.remoteNames(), "the tools are synced all the same");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anUnknownConfiguredAgent_isNamedAndCountedAsFailed(Dialect dialect) {
        try (SyncRun run = run(dialect)) {
            SyncRun.Run sync = run.sync("--agent", "no-such-agent");
            assertEquals(1, sync.exit(), sync.out());
            assertTrue(sync.out().contains("  ! agent no-such-agent: Hamsa knows no agent no-such-agent; check "
                    + "toolwire.hamsa.agents or --agent"), sync.out());
            assertEquals(NAMES, run.remoteNames(), "the tools are synced all the same");
        }
    }
}
