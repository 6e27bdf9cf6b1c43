package dev.toolwire.runtime.sync;

import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.hamsa.WebTool;
import dev.toolwire.runtime.hamsa.WebToolBody;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * Classifies every tool: remote tools are matched by name; a remote tool is "ours" when its
 * {@code serverUrl} is under the public URL. A code tool with an active, equal remote twin is
 * unchanged; a different or inactive one is updated; none is created, unless a tool of that name
 * points elsewhere (a conflict, left alone). Ours that are no longer in the code are orphans,
 * deactivated when pruning. Tools pointing elsewhere are never touched.
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

    SyncPlan build(List<ToolDescriptor> tools, List<WebTool> remote, boolean prune) {
        List<SyncPlan.Entry> entries = new ArrayList<>();
        Map<String, SyncPlan.Work> work = new LinkedHashMap<>();
        Set<WebTool> claimed = new HashSet<>();
        for (ToolDescriptor tool : tools.stream().sorted(Comparator.comparing(ToolDescriptor::name)).toList()) {
            List<WebTool> named = remote.stream().filter(r -> tool.name().equals(r.name())).toList();
            WebTool twin = named.stream().filter(r -> mapper.isOurs(r.serverUrl()))
                    .max(Comparator.comparing(WebTool::active)
                            .thenComparing(r -> r.version() == null ? 0 : r.version()))
                    .orElse(null);
            if (twin == null && !named.isEmpty()) {
                claimed.addAll(named);
                entries.add(new SyncPlan.Entry(tool.name(), SyncPlan.Action.CONFLICT, List.of(), named.get(0).id(),
                        "a Hamsa tool named '" + tool.name() + "' points at " + named.get(0).serverUrl()
                                + "; left alone. Rename the tool, or repoint or delete the other one in Hamsa."));
                continue;
            }
            CredentialResolver.Auth auth = credentials.resolve(tool, twin);
            WebToolBody body = mapper.toWebTool(tool, auth.authToken(), auth.httpHeaders());
            if (twin == null) {
                entries.add(new SyncPlan.Entry(tool.name(), SyncPlan.Action.CREATE, List.of(), null,
                        body.toolSettings().methodType() + " " + body.toolSettings().serverUrl()));
                work.put(SyncPlan.key(tool.name(), null), new SyncPlan.Work(body, null));
                continue;
            }
            claimed.add(twin);
            List<SyncPlan.Change> changes = new ArrayList<>(changes(twin, body));
            if (!twin.active()) {
                changes.add(0, new SyncPlan.Change("isActive", "false", "true", false));
            }
            SyncPlan.Action action = changes.isEmpty() ? SyncPlan.Action.UNCHANGED : SyncPlan.Action.UPDATE;
            entries.add(new SyncPlan.Entry(tool.name(), action, changes, twin.id(), versionNote(twin)));
            work.put(SyncPlan.key(tool.name(), twin.id()), new SyncPlan.Work(body, twin));
        }
        int elsewhere = 0;
        for (WebTool r : remote) {
            if (claimed.contains(r)) {
                continue;
            }
            if (!mapper.isOurs(r.serverUrl())) {
                elsewhere++;
            } else if (r.active()) {
                String name = Objects.requireNonNullElse(r.name(), "(unnamed)");
                SyncPlan.Action action = prune ? SyncPlan.Action.DEACTIVATE : SyncPlan.Action.ORPHAN;
                entries.add(new SyncPlan.Entry(name, action, List.of(), r.id(), prune
                        ? "no longer in the code; deactivated"
                        : "no longer in the code; run with --prune (or toolwire.sync.prune=true) to deactivate"));
                work.put(SyncPlan.key(name, r.id()), new SyncPlan.Work(null, r));
            }
        }
        return new SyncPlan(mapper.publicUrl(), prune, entries, work, elsewhere);
    }

    List<SyncPlan.Change> changes(WebTool remote, WebToolBody body) {
        boolean collection = mapper.collectionId() != null;
        SortedMap<String, String> before = Definitions.of(remote, collection);
        SortedMap<String, String> after = Definitions.of(body, collection);
        return Definitions.diff(before, after);
    }

    private static String versionNote(WebTool remote) {
        return "version " + (remote.version() == null ? "?" : remote.version());
    }
}
