package dev.toolwire.runtime.sync;

import io.micronaut.core.annotation.Internal;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a plan like {@code terraform plan}: a line per tool with {@code +}, {@code ~}, {@code =},
 * {@code -}, {@code !} or {@code ?}, the changed fields under each update (in the dialect's spelling),
 * a count line and the notes. The first line names the dialect and how it was chosen. Credentials are
 * shown as {@code (secret)}.
 */
@Internal
public final class PlanPrinter {

    private PlanPrinter() {}

    /**
     * The lines of a plan.
     *
     * @param plan the plan
     * @return the lines, without line terminators
     */
    public static List<String> lines(SyncPlan plan) {
        List<String> lines = new ArrayList<>();
        lines.add("Hamsa sync plan for " + plan.publicUrl() + " (Hamsa API dialect: " + plan.dialect() + ", "
                + plan.dialectSource() + "):");
        for (SyncPlan.Entry entry : plan.entries()) {
            String note = switch (entry.action()) {
                case CREATE -> " (create: " + entry.detail() + ")";
                case UPDATE -> " (update " + entry.detail() + ")";
                case UNCHANGED -> "";
                default -> " (" + entry.detail() + ")";
            };
            lines.add("  " + entry.action().marker() + " " + entry.name() + note);
            entry.changes().forEach(change -> lines.add("      " + change));
        }
        for (SyncPlan.AgentEntry agent : plan.agents()) {
            if (agent.problem() != null) {
                lines.add("  ! agent " + agent.agentName() + ": " + agent.problem());
            }
            agent.changes().forEach(change -> lines.add("  agent " + agent.agentName() + ": " + change));
        }
        long agentChanges = plan.agents().stream().filter(a -> !a.changes().isEmpty()).count();
        lines.add("Plan: " + plan.count(SyncPlan.Action.CREATE) + " to create, " + plan.count(SyncPlan.Action.UPDATE)
                + " to update, " + plan.count(SyncPlan.Action.UNCHANGED) + " unchanged, "
                + plan.count(SyncPlan.Action.DEACTIVATE) + " to deactivate, " + plan.count(SyncPlan.Action.ORPHAN)
                + " orphaned, " + plan.count(SyncPlan.Action.CONFLICT) + " in conflict"
                + (plan.count(SyncPlan.Action.UNREADABLE) == 0 ? "" : ", " + plan.count(SyncPlan.Action.UNREADABLE) + " unreadable")
                + "; " + plan.elsewhere() + " other Hamsa tools point elsewhere and are left alone"
                + (agentChanges == 0 ? "." : "; " + agentChanges + " agents to change."));
        plan.notes().forEach(note -> lines.add("Note: " + note));
        return lines;
    }
}
