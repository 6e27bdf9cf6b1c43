package dev.toolwire.runtime.sync;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What applying a plan did.
 *
 * @param created tools created
 * @param updated tools updated (or reactivated)
 * @param unchanged tools left as they were
 * @param deactivated orphans deactivated
 * @param failed writes that failed, plus conflicts and tools or agents that could not be read
 * @param agentsUpdated agents whose tool lists were written
 * @param applied one record per tool written, with the id and version Hamsa answered
 * @param failures one message per failure
 * @param duplicates the second live copies of the code's tools deactivated after the writes (made by a
 *     sync running at the same time, as several replicas starting at once do), one record each
 */
public record SyncResult(int created, int updated, int unchanged, int deactivated, int failed, int agentsUpdated,
        List<Applied> applied, List<String> failures, List<Duplicate> duplicates) {

    /**
     * Copies the lists.
     *
     * @param created created
     * @param updated updated
     * @param unchanged unchanged
     * @param deactivated deactivated
     * @param failed failed
     * @param agentsUpdated agents written
     * @param applied the writes
     * @param failures the failures
     * @param duplicates the duplicates deactivated
     */
    public SyncResult {
        applied = List.copyOf(applied);
        failures = List.copyOf(failures);
        duplicates = List.copyOf(duplicates);
    }

    /**
     * A tool written.
     *
     * @param name the tool name
     * @param action what was done
     * @param id the tool's record id after the write (an update may answer a new one)
     * @param version the version after the write
     */
    public record Applied(String name, SyncPlan.Action action, @Nullable String id, @Nullable Integer version) {}

    /**
     * A second live copy of one of the code's tools under this application's URL, deactivated so that
     * only the oldest copy stays live.
     *
     * @param name the tool name
     * @param id the record id of the copy deactivated
     * @param keptId the record id of the copy kept
     */
    public record Duplicate(String name, String id, String keptId) {}

    /**
     * How many second live copies were deactivated.
     *
     * @return the number of {@link #duplicates()}
     */
    public int duplicatesDeactivated() {
        return duplicates.size();
    }

    /**
     * The summary line, e.g. {@code 3 created, 1 updated, 4 unchanged, 0 deactivated, 0 failed}, with
     * {@code , 2 duplicates deactivated} after the deactivations when second copies were, and
     * {@code , 2 agents updated} when agents were written.
     *
     * @return the line
     */
    public String summary() {
        return created + " created, " + updated + " updated, " + unchanged + " unchanged, " + deactivated
                + " deactivated, " + (duplicates.isEmpty() ? "" : duplicates.size() + " duplicates deactivated, ")
                + failed + " failed" + (agentsUpdated == 0 ? "" : ", " + agentsUpdated + " agents updated");
    }

    /**
     * The command's exit code.
     *
     * @return {@code 0} when nothing failed, else {@code 1}
     */
    public int exitCode() {
        return failed == 0 ? 0 : 1;
    }
}
