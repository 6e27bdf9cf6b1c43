package dev.toolwire.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.hamsa.ListedWebTool;
import dev.toolwire.runtime.hamsa.RemoteWebTool;
import dev.toolwire.runtime.hamsa.UnreadableWebTool;
import dev.toolwire.runtime.hamsa.WebToolDefinition;
import dev.toolwire.runtime.hamsa.WebToolListing;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Which copies count as duplicates, and the order that decides which one every run keeps: it must
 * depend only on what Hamsa answers, so every run computes the same survivor.
 */
class DuplicateCollapserTest {

    private static final String OURS = "https://voice.example.org/api";
    private static final WebToolMapper MAPPER = new WebToolMapper(OURS, null);
    private static final Set<String> CODE = Set.of("open_tool", "jwt_tool");

    private static RemoteWebTool copy(String id, String persistentId, @Nullable String createdAt) {
        return copy(id, persistentId, createdAt, "open_tool", OURS + "/tools/open_tool", true, true);
    }

    private static RemoteWebTool copy(String id, String persistentId, @Nullable String createdAt, String name, String url,
            boolean active, boolean activeStated) {
        ObjectNode params = Json.MAPPER.createObjectNode().put("type", "object");
        return new RemoteWebTool(id, persistentId, 1, active, activeStated, null,
                createdAt == null ? null : Instant.parse(createdAt), new WebToolDefinition("FUNCTION", name, "d", false,
                        null, params, Map.of(), url, "POST", null, null, BigDecimal.TEN, Map.of(), Map.of()));
    }

    private static Map<String, List<RemoteWebTool>> duplicates(ListedWebTool... items) {
        return DuplicateCollapser.duplicates(new WebToolListing(List.of(items), null, false, null), CODE, MAPPER);
    }

    private static List<String> ids(List<RemoteWebTool> copies) {
        return copies.stream().map(RemoteWebTool::id).toList();
    }

    @Test
    void theEarliestCreatedAt_comesFirst_whateverTheIdsOrTheListOrder() {
        RemoteWebTool newer = copy("a", "pa", "2026-03-01T10:00:00.500Z");
        RemoteWebTool older = copy("z", "pz", "2026-03-01T10:00:00Z");

        assertEquals(List.of("z", "a"), ids(duplicates(newer, older).get("open_tool")));
        assertEquals(List.of("z", "a"), ids(duplicates(older, newer).get("open_tool")));
    }

    @Test
    void withoutCreatedAt_theLowestPersistentIdComesFirst_andUndatedCopiesComeAfterDatedOnes() {
        assertEquals(List.of("r2", "r1"), ids(duplicates(copy("r1", "pb", null), copy("r2", "pa", null)).get("open_tool")));
        assertEquals(List.of("dated", "undated"), ids(duplicates(copy("undated", "p0", null),
                copy("dated", "p9", "2026-03-01T10:00:00Z")).get("open_tool")));
        assertEquals(List.of("a", "b"), ids(duplicates(copy("b", "same", "2026-03-01T10:00:00Z"),
                copy("a", "same", "2026-03-01T10:00:00Z")).get("open_tool")),
                "equal times and persistentIds (two records of one version): the lowest id");
    }

    @Test
    void theOrder_isTheSameForEveryRun_howeverEachListedTheCopies() {
        List<RemoteWebTool> copies = new ArrayList<>(List.of(copy("c1", "p3", "2026-03-01T10:00:01Z"),
                copy("c2", "p1", null), copy("c3", "p2", "2026-03-01T10:00:00Z"), copy("c4", "p0", null),
                copy("c5", "p4", "2026-03-01T10:00:01Z")));
        Random random = new Random(15L);
        for (int run = 0; run < 50; run++) {
            Collections.shuffle(copies, random);
            assertEquals(List.of("c3", "c1", "c5", "c4", "c2"),
                    ids(duplicates(copies.toArray(ListedWebTool[]::new)).get("open_tool")), "run " + run);
        }
    }

    @Test
    void onlyLiveCopiesOfTheCodesNames_underThePublicUrl_count() {
        String old = "https://old.example.org";
        WebToolMapper adopting = MAPPER.adopting(old);
        List<ListedWebTool> items = List.of(
                copy("ours", "p1", "2026-03-01T10:00:01Z"),
                copy("elsewhere", "p2", "2020-01-01T00:00:00Z", "open_tool", "https://other.example.net/open_tool", true, true),
                copy("adopted", "p3", "2020-01-01T00:00:00Z", "open_tool", old + "/tools/open_tool", true, true),
                copy("inactive", "p4", "2020-01-01T00:00:00Z", "open_tool", OURS + "/tools/open_tool", false, true),
                new UnreadableWebTool("broken", "p5", 1, "open_tool", null, "headers is 42"),
                copy("retired1", "p6", null, "retired", OURS + "/tools/retired", true, true),
                copy("retired2", "p7", null, "retired", OURS + "/tools/retired", true, true),
                copy("jwt1", "p8", null, "jwt_tool", OURS + "/tools/jwt_tool", true, true));

        assertEquals(Map.of(), DuplicateCollapser.duplicates(new WebToolListing(items, null, false, null), CODE, adopting),
                "one live copy each under the public URL; the others are not ours to touch, or not live, or not code tools");

        List<ListedWebTool> more = new ArrayList<>(items);
        more.add(copy("unstated", "p9", null, "open_tool", OURS + "/tools/open_tool", true, false));
        assertEquals(Map.of("open_tool", List.of("ours", "unstated")), Map.of("open_tool",
                ids(DuplicateCollapser.duplicates(new WebToolListing(more, null, false, null), CODE, adopting).get("open_tool"))),
                "a copy whose state Hamsa does not give may be live: it counts (and is never deactivated)");
    }

    @Test
    void theSummary_countsTheDuplicatesAfterTheDeactivations() {
        SyncResult result = new SyncResult(3, 0, 0, 0, 0, 0, List.of(), List.of(),
                List.of(new SyncResult.Duplicate("open_tool", "b", "a"), new SyncResult.Duplicate("jwt_tool", "d", "c")));
        assertEquals("3 created, 0 updated, 0 unchanged, 0 deactivated, 2 duplicates deactivated, 0 failed", result.summary());
        assertEquals(2, result.duplicatesDeactivated());
        assertEquals("3 created, 0 updated, 0 unchanged, 0 deactivated, 0 failed",
                new SyncResult(3, 0, 0, 0, 0, 0, List.of(), List.of(), List.of()).summary());
    }
}
