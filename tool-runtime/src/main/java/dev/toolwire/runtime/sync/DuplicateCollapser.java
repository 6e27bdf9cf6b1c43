package dev.toolwire.runtime.sync;

import dev.toolwire.runtime.hamsa.HamsaApiException;
import dev.toolwire.runtime.hamsa.HamsaSession;
import dev.toolwire.runtime.hamsa.ListedWebTool;
import dev.toolwire.runtime.hamsa.RemoteWebTool;
import dev.toolwire.runtime.hamsa.WebToolListing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Leaves one live copy of each of the code's tools under this application's URL. Syncs that run at
 * the same moment (replicas starting together with {@code toolwire.sync.on-startup}) each find a tool
 * missing and each create it. So after its writes a sync lists again and, for every name of the code
 * with more than one live copy under the public URL, keeps the oldest and deactivates the others;
 * nothing is deleted (issue 15).
 *
 * <p>Every run must keep the same copy, or two runs could each keep their own and deactivate the
 * other's. So the choice depends only on what Hamsa answers, never on which copy this run made:
 * {@link #OLDEST_FIRST} is one order over all copies, the same in every run. The first copy in it is
 * kept by every run that sees it, so it is never deactivated; and the run whose create came last
 * lists after every create, so it deactivates every other copy still live. Hence several syncs started
 * at once end with exactly one live copy per name.
 *
 * <p>Only copies under the public URL count: an adopted URL's copies, other URLs' tools and items
 * that could not be read are never touched, and a copy whose activation Hamsa does not state is never
 * deactivated (a failure says so). If the list cannot be read again, nothing is deactivated.
 */
final class DuplicateCollapser {

    /**
     * The order every run agrees on, oldest first: the earliest {@code createdAt} (of each copy's newest
     * version); copies whose creation time Hamsa does not give come after the dated ones; then the
     * lowest {@code persistentId} (else {@code id}), then the lowest {@code id}.
     */
    static final Comparator<RemoteWebTool> OLDEST_FIRST = Comparator
            .comparing(RemoteWebTool::createdAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(DuplicateCollapser::identity)
            .thenComparing(RemoteWebTool::id);

    /**
     * What collapsing did.
     *
     * @param deactivated the copies deactivated
     * @param kept the copy kept of each name that had several, as listed
     * @param failures one message per copy left live that should not be, or for a list that could not be read
     */
    record Outcome(List<SyncResult.Duplicate> deactivated, Map<String, RemoteWebTool> kept, List<String> failures) {}

    private final HamsaSession session;
    private final WebToolMapper mapper;
    private final SyncMonitor monitor;

    DuplicateCollapser(HamsaSession session, WebToolMapper mapper, SyncMonitor monitor) {
        this.session = session;
        this.mapper = mapper;
        this.monitor = monitor;
    }

    /**
     * The live copies of the code's tools under the public URL, oldest first, for each name that has
     * more than one; names in order.
     *
     * @param listing what Hamsa listed
     * @param codeNames the names the code has
     * @param mapper tells the public URL's tools from others
     * @return the copies by name
     */
    static Map<String, List<RemoteWebTool>> duplicates(WebToolListing listing, Set<String> codeNames, WebToolMapper mapper) {
        Map<String, List<RemoteWebTool>> byName = new TreeMap<>();
        for (ListedWebTool item : listing.latestVersions()) {
            if (item instanceof RemoteWebTool tool && tool.active() && codeNames.contains(tool.name())
                    && mapper.isOurs(tool.serverUrl())) {
                byName.computeIfAbsent(tool.name(), name -> new ArrayList<>()).add(tool);
            }
        }
        byName.values().removeIf(copies -> copies.size() < 2);
        byName.values().forEach(copies -> copies.sort(OLDEST_FIRST));
        return byName;
    }

    /**
     * Lists again and deactivates every live copy but the oldest of each of the code's names.
     *
     * @param codeNames the names the code has
     * @param progress receives a line per copy deactivated or left live
     * @return what was done
     * @throws ToolSyncException when Hamsa refuses the API key
     */
    Outcome collapse(Set<String> codeNames, Consumer<String> progress) {
        WebToolListing listing;
        try {
            listing = session.list();
            monitor.succeeded("list web tools");
        } catch (HamsaApiException e) {
            monitor.failed("list web tools", e);
            if (e.isAuthFailure()) {
                throw DefaultDefinitionSyncService.keyRefused(e);
            }
            String failure = "duplicates not checked: the web tools could not be listed again after the writes ("
                    + e.getMessage() + "); nothing was deactivated, the next sync checks again";
            progress.accept("! " + failure);
            return new Outcome(List.of(), Map.of(), List.of(failure));
        }
        List<SyncResult.Duplicate> deactivated = new ArrayList<>();
        Map<String, RemoteWebTool> kept = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<RemoteWebTool>> named : duplicates(listing, codeNames, mapper).entrySet()) {
            String name = named.getKey();
            RemoteWebTool keep = named.getValue().get(0);
            kept.put(name, keep);
            for (RemoteWebTool copy : named.getValue().subList(1, named.getValue().size())) {
                String failure = deactivate(name, copy, keep, progress, deactivated);
                if (failure != null) {
                    failures.add(failure);
                    progress.accept("! " + failure);
                }
            }
        }
        return new Outcome(deactivated, kept, failures);
    }

    /** Deactivates one copy; answers why it is still live, or null when it is not. */
    private @Nullable String deactivate(String name, RemoteWebTool copy, RemoteWebTool keep, Consumer<String> progress,
            List<SyncResult.Duplicate> deactivated) {
        String copyOf = name + ": a second live copy under this URL (id " + copy.id() + "; the oldest, id " + keep.id()
                + ", is kept)";
        if (!copy.activeStated()) {
            return copyOf + " is left alone: Hamsa does not say whether it is active";
        }
        try {
            session.setActivation(copy.id(), false);
            monitor.wrote(SyncPlan.Action.DEACTIVATE, true);
            monitor.succeeded("write web tools");
        } catch (HamsaApiException e) {
            monitor.wrote(SyncPlan.Action.DEACTIVATE, false);
            monitor.failed("write web tools", e);
            if (e.isAuthFailure()) {
                throw DefaultDefinitionSyncService.keyRefused(e);
            }
            return copyOf + " could not be deactivated: " + e.getMessage();
        }
        deactivated.add(new SyncResult.Duplicate(name, copy.id(), keep.id()));
        progress.accept(SyncPlan.Action.DEACTIVATE.marker() + " " + name + ": duplicate deactivated (id " + copy.id()
                + ", a second live copy under this URL; the oldest, id " + keep.id() + ", stays live)");
        return null;
    }

    private static String identity(RemoteWebTool tool) {
        return tool.persistentId() != null ? tool.persistentId() : tool.id();
    }
}
