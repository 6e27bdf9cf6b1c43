package dev.toolwire.runtime.sync;

import dev.toolwire.runtime.hamsa.HamsaSession;
import dev.toolwire.runtime.hamsa.RemoteWebTool;
import dev.toolwire.runtime.hamsa.WebToolDefinition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a sync will do: one entry per tool in the code and per orphan, with the dialect Hamsa was
 * found to speak and notes on what was read. A plan holds the definitions it will send, including
 * credentials, and the run it was made in; its public view ({@link #entries()},
 * {@link Change#toString()}) masks credentials.
 */
public final class SyncPlan {

    /** What happens to one tool. */
    public enum Action {
        /** In the code, not on Hamsa: created. */
        CREATE('+'),
        /** On Hamsa with another definition (or inactive): updated with the full definition. */
        UPDATE('~'),
        /** On Hamsa with the same definition: nothing is sent. */
        UNCHANGED('='),
        /** On Hamsa under this application's URL, no longer in the code, and pruning: deactivated. */
        DEACTIVATE('-'),
        /** On Hamsa under this application's URL, no longer in the code, not pruning: left alone. */
        ORPHAN('-'),
        /** In the code, but the Hamsa tool of that name points elsewhere: left alone, counted as failed. */
        CONFLICT('!'),
        /** In the code, but Hamsa's answer for the tool of that name could not be read: left alone, counted as failed. */
        UNREADABLE('?');

        private final char marker;

        Action(char marker) {
            this.marker = marker;
        }

        /**
         * The plan marker: {@code +}, {@code ~}, {@code =}, {@code -}, {@code !} or {@code ?}.
         *
         * @return the marker
         */
        public char marker() {
            return marker;
        }
    }

    /**
     * One field that changes, as canonical JSON.
     *
     * @param path the field, e.g. {@code params.properties.order_id.pattern}
     * @param before the value on Hamsa, or null when absent
     * @param after the value in the code, or null when removed
     * @param secret whether the values are credentials (never printed)
     */
    public record Change(String path, @Nullable String before, @Nullable String after, boolean secret) {

        /** The plan line, e.g. {@code ~ description: "old" -> "new"}; secrets are masked. */
        @Override
        public String toString() {
            char marker = before == null ? '+' : after == null ? '-' : '~';
            return marker + " " + path + ": " + show(before) + " -> " + show(after);
        }

        private String show(@Nullable String value) {
            return value == null ? "(none)" : secret ? "(secret)" : value;
        }
    }

    /**
     * One tool in the plan.
     *
     * @param name the tool name
     * @param action what happens to it
     * @param changes for updates, the fields that change
     * @param remoteId the id of the remote tool acted on, or null
     * @param detail a short note: the URL of a new tool, or where a left-alone tool points
     */
    public record Entry(String name, Action action, List<Change> changes, @Nullable String remoteId, String detail) {

        /**
         * Copies the list.
         *
         * @param name the name
         * @param action the action
         * @param changes the changes
         * @param remoteId the remote id
         * @param detail the note
         */
        public Entry {
            changes = List.copyOf(changes);
        }
    }

    /**
     * One change to an agent's tool list.
     *
     * @param kind attach, re-point or detach
     * @param tool the tool name
     * @param from the version the agent uses now, or null (attach, or unknown)
     * @param to the version it will use, or null (detach, or unknown)
     */
    public record AgentChange(Kind kind, String tool, @Nullable Integer from, @Nullable Integer to) {

        /** What happens to the tool in the agent. */
        public enum Kind {
            /** The agent gets the tool. */
            ATTACH('+'),
            /** The agent uses the tool's newer version. */
            REPOINT('~'),
            /** The agent no longer has the tool. */
            DETACH('-');

            private final char marker;

            Kind(char marker) {
                this.marker = marker;
            }

            /**
             * The plan marker.
             *
             * @return {@code +}, {@code ~} or {@code -}
             */
            public char marker() {
                return marker;
            }
        }

        /** The plan line's change, e.g. {@code ~ get_order_status v2 -> v3} or {@code + lookup_customer v1}. */
        @Override
        public String toString() {
            return switch (kind) {
                case ATTACH -> "+ " + tool + " " + version(to);
                case REPOINT -> "~ " + tool + " " + version(from) + " -> " + version(to);
                case DETACH -> "- " + tool + " " + version(from);
            };
        }

        private static String version(@Nullable Integer version) {
            return "v" + (version == null ? "?" : version);
        }
    }

    /**
     * One agent whose tool list changes, or a configured agent that could not be read.
     *
     * @param agentId the agent id
     * @param agentName its name (its id when it has none)
     * @param changes the changes, in order
     * @param problem why nothing can be done to it (a configured agent Hamsa does not know), or null
     */
    public record AgentEntry(String agentId, String agentName, List<AgentChange> changes, @Nullable String problem) {

        /**
         * Copies the list.
         *
         * @param agentId the id
         * @param agentName the name
         * @param changes the changes
         * @param problem the problem
         */
        public AgentEntry {
            changes = List.copyOf(changes);
        }
    }

    /** The path of the change that reactivates a tool. */
    static final String IS_ACTIVE = "isActive";

    /** The work behind an entry: what to send, and the remote tool (newest version) it replaces. */
    record Work(@Nullable WebToolDefinition body, @Nullable RemoteWebTool remote) {}

    /**
     * What the plan builder found, before the run it belongs to is attached; {@code duplicated} names
     * the code's tools with more than one live copy under the public URL.
     */
    record Content(List<Entry> entries, Map<String, Work> work, int elsewhere, List<String> notes, Set<String> duplicated) {}

    private final String publicUrl;
    private final SyncOptions options;
    private final HamsaSession session;
    private final List<Entry> entries;
    private final Map<String, Work> work;
    private final int elsewhere;
    private final List<String> notes;
    private final Set<String> duplicated;
    private final List<AgentEntry> agents;

    SyncPlan(String publicUrl, SyncOptions options, HamsaSession session, Content content, List<AgentEntry> agents) {
        this.publicUrl = publicUrl;
        this.options = options;
        this.session = session;
        this.entries = List.copyOf(content.entries());
        this.work = Map.copyOf(content.work());
        this.elsewhere = content.elsewhere();
        this.notes = List.copyOf(content.notes());
        this.duplicated = Set.copyOf(content.duplicated());
        this.agents = List.copyOf(agents);
    }

    /**
     * The entries: tools in the code sorted by name, then orphans and conflicts.
     *
     * @return the entries
     */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * How many entries have an action.
     *
     * @param action the action
     * @return the count
     */
    public long count(Action action) {
        return entries.stream().filter(e -> e.action() == action).count();
    }

    /**
     * Whether applying the plan sends anything.
     *
     * @return whether there is a create, update, deactivation, second live copy of a tool to
     *     deactivate or agent change
     */
    public boolean hasWrites() {
        return count(Action.CREATE) + count(Action.UPDATE) + count(Action.DEACTIVATE) > 0 || !duplicated.isEmpty()
                || agents.stream().anyMatch(a -> !a.changes().isEmpty());
    }

    /**
     * The agents whose tool lists change, as predicted before any tool is written (an update's new
     * version is expected to be the next number); the apply recomputes them from what Hamsa then holds.
     *
     * @return the agents, listed ones in Hamsa's order
     */
    public List<AgentEntry> agents() {
        return agents;
    }

    /**
     * The public URL this application's tools are served under.
     *
     * @return the URL
     */
    public String publicUrl() {
        return publicUrl;
    }

    /**
     * Whether orphans are deactivated.
     *
     * @return whether pruning
     */
    public boolean prune() {
        return options.prune();
    }

    /**
     * The options the plan was made with.
     *
     * @return the options
     */
    public SyncOptions options() {
        return options;
    }

    /**
     * The dialect of Hamsa's API this run speaks.
     *
     * @return {@code reference} or {@code guide}
     */
    public String dialect() {
        return session.dialect().label();
    }

    /**
     * How the dialect was chosen.
     *
     * @return {@code configured}, or {@code auto-detected: ...} with the paths asked
     */
    public String dialectSource() {
        return session.dialectSource();
    }

    /**
     * What the plan noticed about the remote list: superseded versions ignored, items that could not
     * be read, a list that may be incomplete, credentials answered masked.
     *
     * @return one sentence each
     */
    public List<String> notes() {
        return notes;
    }

    /**
     * Remote tools that point at other URLs (other applications, hand-made tools) and are never touched.
     *
     * @return how many
     */
    public int elsewhere() {
        return elsewhere;
    }

    HamsaSession session() {
        return session;
    }

    /** The code's tools with more than one live copy under the public URL when the plan was made. */
    Set<String> duplicated() {
        return duplicated;
    }

    Work work(Entry entry) {
        return work.getOrDefault(key(entry.name(), entry.remoteId()), new Work(null, null));
    }

    static String key(String name, @Nullable String remoteId) {
        return name + "#" + remoteId;
    }
}
