package dev.toolwire.runtime.sync;

import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.hamsa.HamsaDialect;
import dev.toolwire.runtime.hamsa.ListedWebTool;
import dev.toolwire.runtime.hamsa.RemoteWebTool;
import dev.toolwire.runtime.hamsa.UnreadableWebTool;
import dev.toolwire.runtime.hamsa.WebToolDefinition;
import dev.toolwire.runtime.hamsa.WebToolListing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Classifies every tool against the newest version of each remote tool (superseded versions listed
 * as items of their own are ignored). Remote tools are matched by name; one is "ours" when its server
 * URL is under the public URL. A code tool with an active, equal remote twin is unchanged; a
 * different or inactive one is updated; none is created, unless a tool of that name points elsewhere
 * (a conflict) or could not be read (unreadable), both left alone. Ours that are no longer in the code
 * are orphans, deactivated when pruning; a remote tool whose name is in the code is never one. Of
 * several live copies of one tool under our URL the twin is the oldest, the one
 * {@link DuplicateCollapser} keeps after the writes; a note names the others it deactivates.
 */
final class PlanBuilder {

    private final WebToolMapper mapper;
    private final CredentialResolver credentials;

    PlanBuilder(WebToolMapper mapper, CredentialResolver credentials) {
        this.mapper = mapper;
        this.credentials = credentials;
    }

    WebToolMapper mapper() {
        return mapper;
    }

    CredentialResolver credentials() {
        return credentials;
    }

    SyncPlan.Content build(List<ToolDescriptor> tools, WebToolListing listing, SyncOptions options, HamsaDialect dialect) {
        List<ListedWebTool> latest = listing.latestVersions();
        Set<ListedWebTool> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<SyncPlan.Entry> entries = new ArrayList<>();
        Map<String, SyncPlan.Work> work = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<String> movedFrom = new ArrayList<>();
        int masked = 0;
        // A list that shows no credential for any tool leaves them out: an absent one is then unknown, not missing.
        boolean credentialsShown = latest.stream().anyMatch(r -> r instanceof RemoteWebTool t
                && (t.definition().authToken() != null || !t.definition().httpHeaders().isEmpty()));
        for (ToolDescriptor tool : tools.stream().sorted(Comparator.comparing(ToolDescriptor::name)).toList()) {
            List<ListedWebTool> named = latest.stream().filter(r -> tool.name().equals(r.name())).toList();
            claimed.addAll(named);
            List<RemoteWebTool> ours = named.stream().filter(RemoteWebTool.class::isInstance).map(RemoteWebTool.class::cast)
                    .filter(r -> mapper.claims(r.serverUrl(), true)).toList();
            if (ours.isEmpty()) {
                SyncPlan.Entry leftAlone = leftAlone(tool.name(), named);
                if (leftAlone != null) {
                    entries.add(leftAlone);
                    if (leftAlone.action() == SyncPlan.Action.CONFLICT) {
                        String base = mapper.baseOf(((RemoteWebTool) named.get(0)).serverUrl(), tool.path());
                        movedFrom.add(base == null ? "" : base);
                    }
                    continue;
                }
            }
            RemoteWebTool twin = ours.stream().max(OurTool.PREFERRED).orElse(null);
            CredentialResolver.Auth auth = credentials.resolve(tool, twin, options.rotateCredentials());
            if (twin != null && !credentialsShown && !options.rotateCredentials()
                    && (auth.authToken() != null || auth.httpHeaders() != null)) {
                auth = new CredentialResolver.Auth(auth.authToken(), auth.httpHeaders(), true);
            }
            WebToolDefinition body = mapper.toDefinition(tool, auth.authToken(), auth.httpHeaders());
            if (twin == null) {
                entries.add(new SyncPlan.Entry(tool.name(), SyncPlan.Action.CREATE, List.of(), null,
                        body.methodType() + " " + body.serverUrl()));
                work.put(SyncPlan.key(tool.name(), null), new SyncPlan.Work(body, null));
                continue;
            }
            masked += auth.remoteMasked() ? 1 : 0;
            List<SyncPlan.Change> changes = changes(twin, body, auth, options.rotateCredentials(), dialect);
            SyncPlan.Action action = changes.isEmpty() ? SyncPlan.Action.UNCHANGED : SyncPlan.Action.UPDATE;
            entries.add(new SyncPlan.Entry(tool.name(), action, changes, twin.id(), versionNote(twin)));
            work.put(SyncPlan.key(tool.name(), twin.id()), new SyncPlan.Work(body, twin));
        }
        int elsewhere = orphans(latest, claimed, tools, options.prune(), entries, work, notes);
        Map<String, List<RemoteWebTool>> duplicates = DuplicateCollapser.duplicates(listing,
                tools.stream().map(ToolDescriptor::name).collect(Collectors.toSet()), mapper);
        duplicates.forEach((name, copies) -> notes.add(name + " has " + copies.size() + " live copies under this URL ("
                + copies.stream().map(RemoteWebTool::id).collect(Collectors.joining(", ")) + "): after the writes the oldest, "
                + copies.get(0).id() + ", stays live and the others are deactivated."));
        if (listing.supersededCount() > 0) {
            notes.add(listing.supersededCount() + " superseded versions were listed as items of their own; only each "
                    + "tool's newest version counts, and superseded ones are never written to.");
        }
        if (!movedFrom.isEmpty() && movedFrom.stream().distinct().count() == 1 && !movedFrom.get(0).isEmpty()) {
            String base = WebToolMapper.shown(movedFrom.get(0));
            notes.add(movedFrom.size() + " tools in conflict are published under " + base + " instead: if this "
                    + "application moved from there, sync --adopt-from " + base + " takes them over in place "
                    + "(the same tools, so agents keep them).");
        }
        if (masked > 0) {
            notes.add("Hamsa answered the credentials of " + masked + " tools masked or left them out; they are assumed "
                    + "current (sync --rotate-credentials publishes new ones).");
        }
        return new SyncPlan.Content(entries, work, elsewhere, notes, duplicates.keySet());
    }

    /** A code tool whose name Hamsa has only elsewhere (a conflict) or only unreadable: left alone. */
    private SyncPlan.@Nullable Entry leftAlone(String name, List<ListedWebTool> named) {
        for (ListedWebTool remote : named) {
            if (remote instanceof UnreadableWebTool unreadable) {
                return new SyncPlan.Entry(name, SyncPlan.Action.UNREADABLE, List.of(), unreadable.id(),
                        "Hamsa's answer for " + unreadable.label() + " could not be read: " + unreadable.reason()
                                + "; left alone, so nothing is created in its place. Fix or remove it in Hamsa.");
            }
        }
        if (named.isEmpty()) {
            return null;
        }
        RemoteWebTool other = (RemoteWebTool) named.get(0);
        return new SyncPlan.Entry(name, SyncPlan.Action.CONFLICT, List.of(), other.id(),
                "a Hamsa tool named '" + name + "' points at " + WebToolMapper.shown(other.serverUrl())
                        + "; left alone. Rename the tool, or repoint or delete the other one in Hamsa.");
    }

    /**
     * Remote tools no code tool claimed: ours and known to be active are orphans (deactivated when
     * pruning; one whose state the answer does not give is left alone, or it would be toggled on every run); the
     * others are counted as pointing elsewhere, or noted when unreadable. A remote tool whose name is
     * in the code is never an orphan, whatever else is true of it.
     */
    private int orphans(List<ListedWebTool> latest, Set<ListedWebTool> claimed, List<ToolDescriptor> tools, boolean prune,
            List<SyncPlan.Entry> entries, Map<String, SyncPlan.Work> work, List<String> notes) {
        Set<String> codeNames = tools.stream().map(ToolDescriptor::name).collect(Collectors.toSet());
        int elsewhere = 0;
        for (ListedWebTool item : latest) {
            if (claimed.contains(item) || codeNames.contains(item.name())) {
                continue;
            }
            if (item instanceof UnreadableWebTool unreadable) {
                notes.add("Hamsa's answer for " + unreadable.label() + " could not be read (" + unreadable.reason()
                        + "); it is left alone.");
            } else if (item instanceof RemoteWebTool remote && !mapper.isOurs(remote.serverUrl())) {
                elsewhere++;
            } else if (item instanceof RemoteWebTool remote && remote.active() && remote.activeStated()) {
                String name = Objects.requireNonNull(remote.name());
                SyncPlan.Action action = prune ? SyncPlan.Action.DEACTIVATE : SyncPlan.Action.ORPHAN;
                entries.add(new SyncPlan.Entry(name, action, List.of(), remote.id(), prune
                        ? "no longer in the code; deactivated"
                        : "no longer in the code; run with --prune (or toolwire.sync.prune=true) to deactivate"));
                work.put(SyncPlan.key(name, remote.id()), new SyncPlan.Work(null, remote));
            }
        }
        return elsewhere;
    }

    private List<SyncPlan.Change> changes(RemoteWebTool twin, WebToolDefinition body, CredentialResolver.Auth auth,
            boolean rotate, HamsaDialect dialect) {
        List<SyncPlan.Change> changes = new ArrayList<>();
        if (!twin.active()) {
            changes.add(new SyncPlan.Change(SyncPlan.IS_ACTIVE, "false", "true", false));
        }
        for (SyncPlan.Change change : changes(twin.definition(), body, auth.remoteMasked())) {
            changes.add(new SyncPlan.Change(dialect.spell(change.path()), change.before(), change.after(), change.secret()));
        }
        boolean secretChanges = changes.stream().anyMatch(SyncPlan.Change::secret);
        if (rotate && !secretChanges && (auth.authToken() != null || auth.httpHeaders() != null)) {
            String path = auth.authToken() != null ? Definitions.AUTH_TOKEN
                    : Definitions.HEADERS + auth.httpHeaders().keySet().iterator().next();
            changes.add(new SyncPlan.Change(dialect.spell(path), "(rotated)", "(rotated)", true));
        }
        return changes;
    }

    List<SyncPlan.Change> changes(WebToolDefinition remote, WebToolDefinition body, boolean secretsUnknown) {
        boolean collection = mapper.collectionId() != null;
        SortedMap<String, String> before = Definitions.of(remote, collection);
        SortedMap<String, String> after = Definitions.of(body, collection);
        return Definitions.diff(before, after, secretsUnknown);
    }

    private String versionNote(RemoteWebTool twin) {
        return "version " + (twin.version() == null ? "?" : twin.version())
                + (mapper.isAdopted(twin.serverUrl()) ? ", adopted from " + WebToolMapper.shown(twin.serverUrl()) : "");
    }
}
