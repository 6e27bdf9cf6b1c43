package dev.toolwire.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.hamsa.AgentModel;
import dev.toolwire.runtime.hamsa.AgentToolRef;
import dev.toolwire.runtime.hamsa.RemoteAgent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which agent entries change, and which are never touched. */
class AgentPlannerTest {

    private static final Map<String, OurTool> OURS = new LinkedHashMap<>();

    static {
        OURS.put("orders", new OurTool("orders", "p-orders", Set.of("o1", "o2", "o3"), "o3", 3, OurTool.State.CURRENT));
        OURS.put("lookup", new OurTool("lookup", "p-lookup", Set.of("l1"), "l1", 1, OurTool.State.CURRENT));
        OURS.put("retired", new OurTool("retired", "p-retired", Set.of("r1"), "r1", 1, OurTool.State.ORPHAN));
    }

    private static RemoteAgent agent(String id, AgentToolRef... refs) {
        ObjectNode raw = Json.MAPPER.createObjectNode().put("id", id);
        return new RemoteAgent(id, id, AgentModel.V2, AgentModel.V2, raw, List.of(refs));
    }

    private static List<String> changes(List<AgentPlanner.AgentPlan> plans) {
        List<String> lines = new ArrayList<>();
        plans.forEach(p -> p.changes().forEach(c -> lines.add(p.agent().id() + ": " + c)));
        return lines;
    }

    @Test
    void everyOlderEntryIsRepointed_eachOnItsOwn_andAConfiguredAgentGetsWhatItLacks() {
        RemoteAgent configured = agent("c", new AgentToolRef(0, "o1", "p-orders", 1), new AgentToolRef(1, "o2", "p-orders", 2),
                new AgentToolRef(2, "x1", "p-other", 1));
        RemoteAgent byHand = agent("h", new AgentToolRef(0, "o2", "p-orders", 2), new AgentToolRef(1, "x1", "p-other", 1));
        List<AgentPlanner.AgentPlan> plans = new AgentPlanner(OURS, false).plan(List.of(configured, byHand), Set.of("c"),
                ids -> Map.of());

        assertEquals(List.of("c: ~ orders v1 -> v3", "c: ~ orders v2 -> v3", "c: + lookup v1", "h: ~ orders v2 -> v3"),
                changes(plans));
        assertEquals(3, plans.get(0).edits().size(), "two re-points, one attach; the other application's entry untouched");
        assertTrue(plans.get(1).edits().stream().allMatch(RemoteAgent.Repoint.class::isInstance), "never attached to an agent "
                + "nobody configured");
    }

    @Test
    void pruning_detachesToolsThatLeftTheCode_fromConfiguredAgentsOnly() {
        RemoteAgent configured = agent("c", new AgentToolRef(0, "r1", "p-retired", 1));
        RemoteAgent byHand = agent("h", new AgentToolRef(0, "r1", "p-retired", 1));
        assertEquals(List.of("c: - retired v1", "c: + orders v3", "c: + lookup v1"), changes(
                new AgentPlanner(OURS, true).plan(List.of(configured, byHand), Set.of("c"), ids -> Map.of())));
        assertEquals(List.of("c: + orders v3", "c: + lookup v1"), changes(
                new AgentPlanner(OURS, false).plan(List.of(configured, byHand), Set.of("c"), ids -> Map.of())));
    }

    @Test
    void anIdKnownOnlyToTheVersionCheck_isRecognised_andAskedOnce() {
        List<List<String>> asked = new ArrayList<>();
        RemoteAgent v1 = new RemoteAgent("v", "v", AgentModel.V1, AgentModel.V1, Json.MAPPER.createObjectNode(),
                List.of(new AgentToolRef(0, "o0", null, null), new AgentToolRef(1, "zz", null, null)));
        List<AgentPlanner.AgentPlan> plans = new AgentPlanner(OURS, false).plan(List.of(v1), Set.of(), ids -> {
            asked.add(ids);
            return Map.of("o0", "o3");
        });
        assertEquals(List.of(List.of("o0", "zz")), asked);
        assertEquals(List.of("v: ~ orders v? -> v3"), changes(plans));
    }

    @Test
    void aNewestVersionWithoutANumber_isAProblem_notAnEntryWithAStaleVersion() {
        Map<String, OurTool> noVersion = Map.of("orders",
                new OurTool("orders", "p-orders", Set.of("o1", "o3"), "o3", null, OurTool.State.CURRENT));
        List<AgentPlanner.AgentPlan> plans = new AgentPlanner(noVersion, false).plan(
                List.of(agent("c", new AgentToolRef(0, "o1", "p-orders", 1))), Set.of(), ids -> Map.of());
        assertEquals(List.of(), plans.get(0).edits());
        assertTrue(plans.get(0).problems().get(0).startsWith("orders: Hamsa's list gives no version number"));
    }
}
