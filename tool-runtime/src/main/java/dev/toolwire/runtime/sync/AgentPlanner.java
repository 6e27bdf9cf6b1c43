package dev.toolwire.runtime.sync;

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
 * tools that left the code detached); every agent, configured or not, that uses an older version of
 * one of our tools is re-pointed to the newest (or, before the update, the one the update will make).
 * An entry is recognised by its persistent id, by a record id the list showed, or by what Hamsa's
 * version check says its newest version is. Everything else of an agent is left as it is.
 */
final class AgentPlanner {

    /** One agent's changes: what to print, and the edits that make them. */
    record AgentPlan(RemoteAgent agent, boolean configured, List<SyncPlan.AgentChange> changes,
            List<RemoteAgent.Edit> edits) {}

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
     * @param newestVersions asks Hamsa's version check for record ids nothing else recognises
     * @return the agents that change, in the order given
     */
    List<AgentPlan> plan(Collection<RemoteAgent> agents, Set<String> configured,
            Function<List<String>, Map<String, AgentToolRef>> newestVersions) {
        Map<String, AgentToolRef> checked = newestVersions.apply(unrecognised(agents));
        List<AgentPlan> plans = new ArrayList<>();
        for (RemoteAgent agent : agents) {
            AgentPlan plan = plan(agent, configured.contains(agent.id()), checked);
            if (!plan.changes().isEmpty()) {
                plans.add(plan);
            }
        }
        return plans;
    }

    private AgentPlan plan(RemoteAgent agent, boolean configured, Map<String, AgentToolRef> checked) {
        List<SyncPlan.AgentChange> changes = new ArrayList<>();
        List<RemoteAgent.Edit> edits = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (AgentToolRef ref : agent.tools()) {
            OurTool tool = owner(ref, checked);
            if (tool == null) {
                continue;
            }
            Integer from = ref.version() != null ? ref.version() : versionOf(tool, ref.toolId());
            if (tool.state() == OurTool.State.ORPHAN || !used.add(tool.name())) {
                if (configured && (prune && tool.state() == OurTool.State.ORPHAN || tool.state() != OurTool.State.ORPHAN)) {
                    changes.add(new SyncPlan.AgentChange(SyncPlan.AgentChange.Kind.DETACH, tool.name(), from, null));
                    edits.add(new RemoteAgent.Detach(ref.toolId()));
                }
                continue;
            }
            boolean outdated = tool.state() == OurTool.State.TO_UPDATE || !ref.toolId().equals(tool.newestId());
            if (outdated && tool.newestId() != null) {
                changes.add(new SyncPlan.AgentChange(SyncPlan.AgentChange.Kind.REPOINT, tool.name(), from, tool.targetVersion()));
                edits.add(new RemoteAgent.Repoint(ref.toolId(), tool.newestId(), tool.newestVersion()));
            }
        }
        if (configured) {
            for (OurTool tool : ours.values()) {
                if (tool.state() != OurTool.State.ORPHAN && !used.contains(tool.name())) {
                    changes.add(new SyncPlan.AgentChange(SyncPlan.AgentChange.Kind.ATTACH, tool.name(), null,
                            tool.targetVersion()));
                    if (tool.newestId() != null) {
                        edits.add(new RemoteAgent.Attach(tool.persistentId(), tool.newestId(), tool.newestVersion()));
                    }
                }
            }
        }
        return new AgentPlan(agent, configured, changes, edits);
    }

    /** Record ids no tool of ours is known by: the version check may say whose versions they are. */
    private List<String> unrecognised(Collection<RemoteAgent> agents) {
        Set<String> ids = new LinkedHashSet<>();
        for (RemoteAgent agent : agents) {
            for (AgentToolRef ref : agent.tools()) {
                if (ref.persistentId() == null && owner(ref, Map.of()) == null) {
                    ids.add(ref.toolId());
                }
            }
        }
        return List.copyOf(ids);
    }

    private @Nullable OurTool owner(AgentToolRef ref, Map<String, AgentToolRef> checked) {
        AgentToolRef newest = checked.get(ref.toolId());
        for (OurTool tool : ours.values()) {
            if (tool.isUsedBy(ref.persistentId(), ref.toolId())
                    || newest != null && tool.recordIds().contains(newest.toolId())) {
                return tool;
            }
        }
        return null;
    }

    private static @Nullable Integer versionOf(OurTool tool, String toolId) {
        return toolId.equals(tool.newestId()) ? tool.newestVersion() : null;
    }
}
