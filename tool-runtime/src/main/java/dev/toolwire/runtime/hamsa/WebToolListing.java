package dev.toolwire.runtime.hamsa;

import io.micronaut.core.annotation.Internal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Every item Hamsa listed, once each, in the order listed. An update may make a new version with a
 * new {@code id} and the same {@code persistentId} (hamsa-api.md §2.4); if the list shows superseded
 * versions as items of their own, {@link #latestVersions()} keeps only the newest of each tool.
 *
 * @param items the distinct items (de-duplicated by id), readable or not
 * @param total the {@code total} Hamsa answered, or null
 * @param skipIsOffset whether the server read {@code skip} as an item offset rather than a page number
 * @param problem why the list may be incomplete though every page was read, or null
 */
@Internal
public record WebToolListing(List<ListedWebTool> items, @Nullable Long total, boolean skipIsOffset,
        @Nullable String problem) {

    /** Orders versions of one tool: the version number, then the last change, then the list order. */
    private static final Comparator<ListedWebTool> AGE = Comparator
            .comparing((ListedWebTool t) -> t.version() == null ? Integer.MIN_VALUE : t.version())
            .thenComparing(t -> t.updatedAt() == null ? "" : t.updatedAt());

    /**
     * Copies the list.
     *
     * @param items the items
     * @param total the total
     * @param skipIsOffset how skip was read
     * @param problem the problem
     */
    public WebToolListing {
        items = List.copyOf(items);
    }

    /**
     * The newest version of each tool (grouped by {@code persistentId}, else {@code id}), in the
     * order the tools were first listed. Items without either stand alone.
     *
     * @return one item per tool
     */
    public List<ListedWebTool> latestVersions() {
        Map<Object, ListedWebTool> newest = new LinkedHashMap<>();
        for (ListedWebTool item : items) {
            Object key = item.identity() != null ? item.identity() : new Object();
            ListedWebTool current = newest.get(key);
            if (current != null && current.version() != null && current.version().equals(item.version())
                    && !Objects.equals(current.id(), item.id())) {
                // Two records of one version are two tools, whatever their persistentId says: never merged.
                key = new Object();
                current = null;
            }
            // Later in the list wins a tie: a list ordered oldest first shows the newest version last.
            newest.put(key, current == null || AGE.compare(item, current) >= 0 ? item : current);
        }
        return new ArrayList<>(newest.values());
    }

    /**
     * How many items are superseded versions of a tool listed again.
     *
     * @return the count
     */
    public int supersededCount() {
        return items.size() - latestVersions().size();
    }

    /**
     * Why this list may miss tools: paging that could not be completed, or fewer distinct items
     * than the {@code total} Hamsa answered.
     *
     * @return the reason, or null when nothing suggests the list is incomplete
     */
    public @Nullable String incompleteReason() {
        if (problem != null) {
            return problem;
        }
        if (total != null && total > items.size()) {
            return "Hamsa reports " + total + " web tools but " + items.size() + " were listed";
        }
        return null;
    }

    /**
     * The items with one of these names, newest version of each tool.
     *
     * @param name the tool name
     * @return the matching tools
     */
    public List<ListedWebTool> named(String name) {
        return latestVersions().stream().filter(t -> Objects.equals(name, t.name())).toList();
    }

    /**
     * This listing plus the items of another one not already in it (by id).
     *
     * @param more another listing, e.g. a search by name
     * @return the combined listing
     */
    public WebToolListing plus(WebToolListing more) {
        List<ListedWebTool> all = new ArrayList<>(items);
        for (ListedWebTool item : more.items) {
            if (item.id() == null || all.stream().noneMatch(t -> item.id().equals(t.id()))) {
                all.add(item);
            }
        }
        return new WebToolListing(all, total, skipIsOffset, problem);
    }
}
