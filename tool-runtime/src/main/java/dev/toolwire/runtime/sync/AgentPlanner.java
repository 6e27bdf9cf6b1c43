package dev.toolwire.runtime.sync;

import dev.toolwire.runtime.hamsa.AgentModel;
import dev.toolwire.runtime.hamsa.AgentToolRef;
import dev.toolwire.runtime.hamsa.RemoteAgent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Decides what changes in each agent's tool list, touching only entries that are versions of this
 * application's tools: a configured agent gets every tool of the code attached (and, with pruning,
 * tools that left the code detached); every entry, in any agent, that uses an older version of one of
 * our tools is re-pointed to the newest (or, before the update, the one the update will make). An
 * entry is recognised by its persistent id, by a record id the list showed, or by what Hamsa's version
 * check says its newest version is. Each entry is addressed on its own: a tool used at several flow
 * nodes keeps every entry. Everything else of an agent is left as it is.
 */
final class AgentPlanner {

    /** One agent's changes: what to print, the edits that make them, and what could not be done. */
    record AgentPlan(RemoteAgent agent, boolean configured, List<SyncPlan.AgentChange> changes,
            List<RemoteAgent.Edit> edits, List<String> problems) {}

    private final Map<String, OurTool> ours;
    private final boolean prune;

    /**
     * @param ours this application's tools by name, with what the sync does to each
     * @param prune whether tools no longer in the code are detached from configured agents
     */
    AgentPlanner(Map<String, OurTool> ours, boolean prune) {
        this.ours = ours;
        this.prune = prune;
    }

    /**
     * Plans the agents.
     *
     * @param agents the agents to look at
     * @param configured the ids of the agents every tool is attached to
     * @param newestVersions the newest version's id of record ids nothing else recognises (Hamsa's
     *     version check), asked once for all agents
     * @return the agents that change or cannot be changed, in the order given
     */
    List<AgentPlan> plan(Collection<RemoteAgent> agents, Set<String> configured,
            Function<List<String>, Map<String, String>> newestVersions) {
        Map<String, String> checked = newestVersions.apply(unrecognised(agents));
        List<AgentPlan> plans = new ArrayList<>();
        for (RemoteAgent agent : agents) {
            AgentPlan plan = plan(agent, configured.contains(agent.id()), checked);
            if (!plan.changes().isEmpty() || !plan.problems().isEmpty()) {
                plans.add(plan);
            }
        }
        return plans;
    }

    private AgentPlan plan(RemoteAgent agent, boolean configured, Map<String, String> checked) {
        List<SyncPlan.AgentChange> changes = new ArrayList<>();
        List<RemoteAgent.Edit> edits = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> used = new HashSet<>();
        boolean needsVersions = agent.model() == AgentModel.V2;
        for (AgentToolRef ref : agent.tools()) {
            OurTool tool = owner(ref, checked);
            if (tool == null) {
                continue;
            }
            Integer from = ref.version() != null ? ref.version() : versionOf(tool, ref.toolId());
            if (tool.state() == OurTool.State.ORPHAN) {
                if (configured && prune) {
                    changes.add(new SyncPlan.AgentChange(SyncPlan.AgentChange.Kind.DETACH, tool.name(), from, null));
                    edits.add(new RemoteAgent.Detach(ref));
                }
                continue;
            }
            used.add(tool.name());
            boolean willChange = tool.state() == OurTool.State.TO_UPDATE;
            boolean older = tool.newestId() != null && !ref.toolId().equals(tool.newestId());
            if (!willChange && !older) {
                continue;
            }
            if (needsVersions && tool.newestVersion() == null) {
                problems.add(tool.name() + ": Hamsa's list gives no version number for its newest version, which the "
                        + "agent's entry needs; not re-pointed");
                continue;
            }
            changes.add(new SyncPlan.AgentChange(SyncPlan.AgentChange.Kind.REPOINT, tool.name(), from, tool.targetVersion()));
            if (older) {
                edits.add(new RemoteAgent.Repoint(ref, tool.newestId(), tool.newestVersion() == null ? 0 : tool.newestVersion()));
            }
        }
        if (configured) {
            for (OurTool tool : ours.values()) {
                if (tool.state() == OurTool.State.ORPHAN || used.contains(tool.name())) {
                    continue;
                }
                if (needsVersions && tool.newestId() != null && tool.newestVersion() == null) {
                    problems.add(tool.name() + ": Hamsa's list gives no version number for it; not attached");
                    continue;
                }
                changes.add(new SyncPlan.AgentChange(SyncPlan.AgentChange.Kind.ATTACH, tool.name(), null, tool.targetVersion()));
                if (tool.newestId() != null) {
                    edits.add(new RemoteAgent.Attach(tool.persistentId(), tool.newestId(),
                            tool.newestVersion() == null ? 0 : tool.newestVersion()));
                }
            }
        }
        return new AgentPlan(agent, configured, changes, edits, problems);
    }

    /** Record ids no tool of ours is known by: the version check may say whose versions they are. */
    private List<String> unrecognised(Collection<RemoteAgent> agents) {
        Set<String> ids = new LinkedHashSet<>();
        for (RemoteAgent agent : agents) {
            for (AgentToolRef ref : agent.tools()) {
                if (ref.persistentId() == null && owner(ref, Map.of()) == null && !ref.toolId().isBlank()) {
                    ids.add(ref.toolId());
                }
            }
        }
        return List.copyOf(ids);
    }

    private @Nullable OurTool owner(AgentToolRef ref, Map<String, String> checked) {
        String newest = checked.get(ref.toolId());
        for (OurTool tool : ours.values()) {
            if (tool.isUsedBy(ref.persistentId(), ref.toolId()) || newest != null && tool.recordIds().contains(newest)) {
                return tool;
            }
        }
        return null;
    }

    private static @Nullable Integer versionOf(OurTool tool, String toolId) {
        return toolId.equals(tool.newestId()) ? tool.newestVersion() : null;
    }
}
