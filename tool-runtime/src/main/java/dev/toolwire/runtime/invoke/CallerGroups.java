package dev.toolwire.runtime.invoke;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The entries of a bounded store grouped by caller, oldest first, so a per-caller quota is checked
 * without walking every caller's entries. Not thread-safe: its owner locks.
 *
 * @param <E> the entry (or its key)
 */
final class CallerGroups<E> {

    private final Map<String, Set<E>> groups = new HashMap<>();

    /**
     * The quota key of a caller: its authenticated subject; callers without one share a quota.
     *
     * @param subject the subject, or {@code null}
     * @return the key
     */
    static String of(@Nullable String subject) {
        return subject == null ? "" : subject;
    }

    void add(String caller, E entry) {
        groups.computeIfAbsent(caller, c -> new LinkedHashSet<>()).add(entry);
    }

    void remove(String caller, E entry) {
        Set<E> group = groups.get(caller);
        if (group != null && group.remove(entry) && group.isEmpty()) {
            groups.remove(caller);
        }
    }

    int count(String caller) {
        Set<E> group = groups.get(caller);
        return group == null ? 0 : group.size();
    }

    /** A caller's entries, oldest first; a copy, so the owner may remove entries while walking it. */
    List<E> entriesOf(String caller) {
        Set<E> group = groups.get(caller);
        return group == null ? List.of() : List.copyOf(group);
    }
}
