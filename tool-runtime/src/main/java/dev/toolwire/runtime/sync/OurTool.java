package dev.toolwire.runtime.sync;

import dev.toolwire.runtime.hamsa.ListedWebTool;
import dev.toolwire.runtime.hamsa.RemoteWebTool;
import dev.toolwire.runtime.hamsa.WebToolListing;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One of this application's tools as agents see it: its persistent id, every record id it is known
 * by (its versions, where the list shows them), its newest version, and what the sync does to it.
 *
 * @param name the tool name
 * @param persistentId the id all its versions share, or null when not on Hamsa yet or not answered
 * @param recordIds every version id seen
 * @param newestId the newest version's id, or null when not on Hamsa yet
 * @param newestVersion the newest version's number, or null
 * @param state what the sync does to it
 */
record OurTool(String name, @Nullable String persistentId, Set<String> recordIds, @Nullable String newestId,
        @Nullable Integer newestVersion, State state) {

    /** What the sync does to a tool, as far as agents are concerned. */
    enum State {
        /** In the code and on Hamsa as it should be. */
        CURRENT,
        /** In the code, to be updated: a new version is expected. */
        TO_UPDATE,
        /** In the code, to be created. */
        TO_CREATE,
        /** Ours on Hamsa, no longer in the code. */
        ORPHAN
    }

    OurTool {
        recordIds = Set.copyOf(recordIds);
    }

    /** Whether an agent's tool entry is a version of this tool. */
    boolean isUsedBy(@Nullable String refPersistentId, String refToolId) {
        return persistentId != null && persistentId.equals(refPersistentId) || recordIds.contains(refToolId);
    }

    /** The version agents should use after the sync: the next one for an update (a prediction), 1 for a create. */
    @Nullable Integer targetVersion() {
        return switch (state) {
            case TO_CREATE -> 1;
            case TO_UPDATE -> newestVersion == null ? null : newestVersion + 1;
            default -> newestVersion;
        };
    }

    OurTool with(State newState) {
        return new OurTool(name, persistentId, recordIds, newestId, newestVersion, newState);
    }

    /**
     * This application's tools on Hamsa as the listing shows them: for each name the code has, its
     * newest live twin under our URL (the plan's choice), and every other of our tools as an orphan.
     *
     * @param listing what Hamsa listed
     * @param codeNames the names the code has
     * @param mapper tells ours from others
     * @return the tools by name; code tools missing from Hamsa are absent
     */
    static Map<String, OurTool> onHamsa(WebToolListing listing, Set<String> codeNames, WebToolMapper mapper) {
        Map<String, OurTool> ours = new LinkedHashMap<>();
        twins(listing, codeNames, mapper).forEach((name, tool) -> {
            Set<String> ids = listing.items().stream()
                    .filter(i -> i.identity() != null && i.identity().equals(tool.identity()) && i.id() != null)
                    .map(ListedWebTool::id).collect(Collectors.toSet());
            ours.put(name, new OurTool(name, tool.persistentId(), ids, tool.id(), tool.version(),
                    codeNames.contains(name) ? State.CURRENT : State.ORPHAN));
        });
        return ours;
    }

    /**
     * The newest version of each of our tools by name, the twin among live copies ({@link #PREFERRED});
     * an adopted URL's tools count only for names the code has.
     *
     * @param listing what Hamsa listed
     * @param codeNames the names the code has
     * @param mapper tells ours from others
     * @return the tools by name
     */
    static Map<String, RemoteWebTool> twins(WebToolListing listing, Set<String> codeNames, WebToolMapper mapper) {
        Map<String, RemoteWebTool> newest = new LinkedHashMap<>();
        for (ListedWebTool item : listing.latestVersions()) {
            if (item instanceof RemoteWebTool tool && mapper.claims(tool.serverUrl(), codeNames.contains(tool.name()))) {
                newest.merge(tool.name(), tool, (a, b) -> PREFERRED.compare(a, b) >= 0 ? a : b);
            }
        }
        return newest;
    }

    /**
     * The twin the plan picks among copies (the greatest): active first, then the oldest
     * ({@link DuplicateCollapser#OLDEST_FIRST}), the copy every run keeps when it collapses duplicates
     * and the one every run would switch back on.
     */
    static final Comparator<RemoteWebTool> PREFERRED = Comparator.comparing(RemoteWebTool::active)
            .thenComparing(DuplicateCollapser.OLDEST_FIRST.reversed());
}
