package dev.toolwire.runtime.sync;

import dev.toolwire.runtime.hamsa.HamsaApiException;
import dev.toolwire.runtime.hamsa.HamsaSession;
import dev.toolwire.runtime.hamsa.RemoteAgent;
import dev.toolwire.runtime.hamsa.WebToolListing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The agents' side of a sync. Before anything is written it predicts, for the plan, which agents
 * change; after the tools are written it reads what Hamsa then holds (the tools' newest versions, and
 * each agent again right before writing it), plans again from that, and writes each agent back whole
 * with only its tool list changed. Agents are found by listing them (to follow new versions in every
 * agent that uses one of our tools) and by the configured ids (to attach every tool).
 */
final class AgentSync {

    /** What the agents' apply did. */
    record Result(int agentsUpdated, List<String> failures) {}

    private final HamsaSession session;
    private final WebToolMapper mapper;
    private final Set<String> configured;
    private final boolean prune;

    AgentSync(HamsaSession session, WebToolMapper mapper, Set<String> configured, boolean prune) {
        this.session = session;
        this.mapper = mapper;
        this.configured = configured;
        this.prune = prune;
    }

    /** The configured agent ids: {@code toolwire.hamsa.agents} and {@code --agent}, in order, once each. */
    static Set<String> configured(List<String> fromConfiguration, List<String> fromOptions) {
        Set<String> ids = new LinkedHashSet<>();
        fromConfiguration.stream().map(String::strip).filter(id -> !id.isEmpty()).forEach(ids::add);
        fromOptions.stream().map(String::strip).filter(id -> !id.isEmpty()).forEach(ids::add);
        return ids;
    }

    /**
     * The plan's agent entries, predicted from the tool plan: updated tools get their next version,
     * created ones version 1.
     */
    List<SyncPlan.AgentEntry> plan(SyncPlan.Content tools, WebToolListing listing, Set<String> codeNames,
            List<String> notes) {
        Map<String, OurTool> ours = new LinkedHashMap<>(OurTool.onHamsa(listing, codeNames, mapper));
        for (SyncPlan.Entry entry : tools.entries()) {
            if (entry.action() == SyncPlan.Action.CREATE) {
                ours.put(entry.name(), new OurTool(entry.name(), null, Set.of(), null, null, OurTool.State.TO_CREATE));
            } else if (entry.action() == SyncPlan.Action.UPDATE && ours.containsKey(entry.name())) {
                ours.put(entry.name(), ours.get(entry.name()).with(OurTool.State.TO_UPDATE));
            }
        }
        List<SyncPlan.AgentEntry> entries = new ArrayList<>();
        Map<String, RemoteAgent> agents = gather(notes, entries);
        for (AgentPlanner.AgentPlan plan : new AgentPlanner(ours, prune).plan(agents.values(), configured,
                session::newestVersions)) {
            entries.add(new SyncPlan.AgentEntry(plan.agent().id(), plan.agent().name(), plan.changes(), null));
        }
        return entries;
    }

    /** Writes the agents against what Hamsa holds now that the tools are written. */
    Result apply(Set<String> codeNames, Consumer<String> progress) {
        Map<String, OurTool> ours = OurTool.onHamsa(session.list(), codeNames, mapper);
        List<SyncPlan.AgentEntry> missing = new ArrayList<>();
        Map<String, RemoteAgent> agents = gather(new ArrayList<>(), missing);
        List<String> failures = new ArrayList<>();
        missing.forEach(m -> failures.add("agent " + m.agentId() + ": " + m.problem()));
        int updated = 0;
        AgentPlanner planner = new AgentPlanner(ours, prune);
        for (AgentPlanner.AgentPlan listed : planner.plan(agents.values(), configured, session::newestVersions)) {
            String label = "agent " + listed.agent().name();
            try {
                // Read it again right before writing, so a change made since the list is kept.
                Optional<RemoteAgent> now = session.agent(listed.agent().id());
                List<AgentPlanner.AgentPlan> plans = now.map(a -> planner.plan(List.of(a), configured, session::newestVersions))
                        .orElse(List.of());
                if (plans.isEmpty()) {
                    continue;
                }
                AgentPlanner.AgentPlan plan = plans.get(0);
                session.updateAgent(plan.agent(), plan.agent().withTools(plan.edits()));
                updated++;
                plan.changes().forEach(change -> progress.accept(label + ": " + change));
            } catch (HamsaApiException e) {
                if (e.isAuthFailure()) {
                    throw DefaultDefinitionSyncService.keyRefused(e);
                }
                failures.add(label + ": " + e.getMessage());
                progress.accept("! " + label + ": failed: " + e.getMessage());
            }
        }
        return new Result(updated, failures);
    }

    /**
     * The agents to look at: every agent Hamsa lists, and each configured one read on its own (which
     * also finds one the list leaves out). A configured agent Hamsa does not know becomes an entry with
     * a problem; an agent list Hamsa does not serve becomes a note.
     */
    private Map<String, RemoteAgent> gather(List<String> notes, List<SyncPlan.AgentEntry> problems) {
        Map<String, RemoteAgent> agents = new LinkedHashMap<>();
        try {
            Optional<List<RemoteAgent>> listed = session.agents();
            if (listed.isPresent()) {
                listed.get().forEach(agent -> agents.put(agent.id(), agent));
            } else {
                notes.add("Hamsa lists no agents here, so only the configured agents follow new tool versions.");
            }
        } catch (HamsaApiException e) {
            if (e.isAuthFailure()) {
                throw e;
            }
            notes.add("The agents could not be listed (" + e.getMessage() + "), so only the configured agents follow "
                    + "new tool versions.");
        }
        for (String id : configured) {
            Optional<RemoteAgent> agent = session.agent(id);
            if (agent.isPresent()) {
                agents.put(id, agent.get());
            } else {
                agents.remove(id);
                problems.add(new SyncPlan.AgentEntry(id, id, List.of(), "Hamsa knows no agent " + id
                        + "; check toolwire.hamsa.agents or --agent"));
            }
        }
        return agents;
    }
}
