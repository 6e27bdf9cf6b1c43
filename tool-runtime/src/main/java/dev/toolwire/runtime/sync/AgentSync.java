package dev.toolwire.runtime.sync;

import dev.toolwire.runtime.hamsa.HamsaApiException;
import dev.toolwire.runtime.hamsa.HamsaSession;
import dev.toolwire.runtime.hamsa.RemoteAgent;
import dev.toolwire.runtime.hamsa.WebToolListing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * with only its tool entries changed. Agents are found by listing them (to follow new versions in
 * every agent that uses one of our tools) and by the configured ids (to attach every tool). A failure
 * about one agent is that agent's failure; it never stops the others, nor undoes the tools written.
 */
final class AgentSync {

    /** What the agents' apply did. */
    record Result(int agentsUpdated, List<String> failures) {}

    private final HamsaSession session;
    private final Set<String> configured;
    private final boolean prune;
    private final Map<String, String> checked = new HashMap<>();
    private final Set<String> asked = new HashSet<>();
    private final List<String> trouble = new ArrayList<>();

    AgentSync(HamsaSession session, Set<String> configured, boolean prune) {
        this.session = session;
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
     * The plan's agent entries, predicted from the tool plan: tools to update get their next version
     * (a tool only switched back on keeps its own), tools to create version 1. What stops an agent from
     * being changed becomes a note.
     */
    List<SyncPlan.AgentEntry> plan(SyncPlan.Content tools, Map<String, OurTool> onHamsa, List<String> notes) {
        Map<String, OurTool> ours = new LinkedHashMap<>(onHamsa);
        for (SyncPlan.Entry entry : tools.entries()) {
            boolean newVersion = entry.changes().stream().anyMatch(c -> !c.path().equals(SyncPlan.IS_ACTIVE));
            if (entry.action() == SyncPlan.Action.CREATE) {
                ours.put(entry.name(), new OurTool(entry.name(), null, Set.of(), null, null, OurTool.State.TO_CREATE));
            } else if (entry.action() == SyncPlan.Action.UPDATE && newVersion && ours.containsKey(entry.name())) {
                ours.put(entry.name(), ours.get(entry.name()).with(OurTool.State.TO_UPDATE));
            }
        }
        List<SyncPlan.AgentEntry> entries = new ArrayList<>();
        Map<String, RemoteAgent> agents = gather(notes, entries);
        for (AgentPlanner.AgentPlan plan : new AgentPlanner(ours, prune).plan(agents.values(), configured, this::newest)) {
            entries.add(new SyncPlan.AgentEntry(plan.agent().id(), plan.agent().name(), plan.changes(), null));
            plan.problems().forEach(problem -> notes.add("agent " + plan.agent().name() + ": " + problem + "."));
            masked(plan.agent()).ifPresent(problem -> notes.add("agent " + plan.agent().name() + ": " + problem + "."));
        }
        trouble.forEach(notes::add);
        return entries;
    }

    /** Writes the agents against what Hamsa holds now that the tools are written. */
    Result apply(Set<String> codeNames, WebToolMapper mapper, Consumer<String> progress) {
        List<String> failures = new ArrayList<>();
        Map<String, OurTool> ours;
        List<SyncPlan.AgentEntry> missing = new ArrayList<>();
        Map<String, RemoteAgent> agents;
        try {
            ours = OurTool.onHamsa(session.list(), codeNames, mapper);
            agents = gather(new ArrayList<>(), missing);
        } catch (HamsaApiException e) {
            rethrowRefusedKey(e);
            return new Result(0, List.of("agents: not updated, Hamsa could not be read: " + e.getMessage()));
        }
        missing.forEach(m -> failures.add("agent " + m.agentId() + ": " + m.problem()));
        int updated = 0;
        AgentPlanner planner = new AgentPlanner(ours, prune);
        for (AgentPlanner.AgentPlan listed : planner.plan(agents.values(), configured, this::newest)) {
            String label = "agent " + listed.agent().name();
            try {
                // Read it again right before writing, so a change made since the list is kept.
                Optional<RemoteAgent> now = session.agent(listed.agent().id());
                if (now.isEmpty()) {
                    failures.add(label + ": Hamsa no longer knows it; not updated");
                    continue;
                }
                List<AgentPlanner.AgentPlan> plans = planner.plan(List.of(now.get()), configured, this::newest);
                if (plans.isEmpty()) {
                    continue;
                }
                AgentPlanner.AgentPlan plan = plans.get(0);
                plan.problems().forEach(problem -> failures.add(label + ": " + problem));
                Optional<String> masked = masked(plan.agent());
                if (masked.isPresent()) {
                    failures.add(label + ": " + masked.get());
                    progress.accept("! " + label + ": not written: " + masked.get());
                    continue;
                }
                if (plan.edits().isEmpty()) {
                    continue;
                }
                session.updateAgent(plan.agent(), plan.agent().withTools(plan.edits()));
                updated++;
                plan.changes().forEach(change -> progress.accept(label + ": " + change));
            } catch (HamsaApiException e) {
                rethrowRefusedKey(e);
                failures.add(label + ": " + e.getMessage());
                progress.accept("! " + label + ": failed: " + e.getMessage());
            }
        }
        trouble.forEach(failures::add);
        return new Result(updated, failures);
    }

    /** Why an agent must not be written back: its answer shows secrets masked, and writing would store the mask. */
    private static Optional<String> masked(RemoteAgent agent) {
        List<String> members = agent.maskedMembers();
        return members.isEmpty() ? Optional.empty() : Optional.of("Hamsa answers " + String.join(", ", members)
                + " masked, and writing the agent back would store the mask; change its tools by hand");
    }

    /**
     * The version check's answer for ids not asked yet, remembered for the run; when it fails, the
     * ids stay unrecognised (their entries untouched) and the failure is reported once.
     */
    private Map<String, String> newest(List<String> ids) {
        List<String> fresh = ids.stream().filter(asked::add).toList();
        if (!fresh.isEmpty()) {
            try {
                checked.putAll(session.newestVersions(fresh));
            } catch (HamsaApiException e) {
                rethrowRefusedKey(e);
                trouble.add("Hamsa's version check failed (" + e.getMessage() + "), so " + fresh.size()
                        + " agent entries known only by a record id were left as they are.");
            }
        }
        return checked;
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
            rethrowRefusedKey(e);
            notes.add("The agents could not be listed (" + e.getMessage() + "), so only the configured agents follow "
                    + "new tool versions.");
        }
        for (String id : configured) {
            Optional<RemoteAgent> agent;
            try {
                agent = session.agent(id);
            } catch (HamsaApiException e) {
                rethrowRefusedKey(e);
                agents.remove(id);
                problems.add(new SyncPlan.AgentEntry(id, id, List.of(), "could not be read (" + e.getMessage() + ")"));
                continue;
            }
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

    /** A refused key stops the sync (exit 2); any other failure is about one agent. */
    private static void rethrowRefusedKey(HamsaApiException e) {
        if (e.kind() == HamsaApiException.Kind.UNAUTHORIZED) {
            throw DefaultDefinitionSyncService.keyRefused(e);
        }
    }
}
