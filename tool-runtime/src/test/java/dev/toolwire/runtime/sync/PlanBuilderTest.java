package dev.toolwire.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.auth.ToolCredentials;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.hamsa.HamsaDialect;
import dev.toolwire.runtime.hamsa.ListedWebTool;
import dev.toolwire.runtime.hamsa.RemoteWebTool;
import dev.toolwire.runtime.hamsa.UnreadableWebTool;
import dev.toolwire.runtime.hamsa.WebToolDefinition;
import dev.toolwire.runtime.hamsa.WebToolListing;
import dev.toolwire.runtime.invoke.DefaultToolRegistry;
import dev.toolwire.runtime.invoke.RegisteredTool;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan over remote lists no real server is needed for: versions, duplicates, unreadable items,
 * and the promise that pruning never deactivates a tool the code still has, over random lists.
 */
class PlanBuilderTest {

    private static final String OURS = "https://voice.example.org/api";
    private static ApplicationContext context;
    private static List<ToolDescriptor> tools;
    private static PlanBuilder builder;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(Map.of("spec.name", "SyncAuthModesTest",
                "toolwire.auth.jwt.secret", "plan-builder-test-secret-0123456789abcdef",
                "toolwire.auth.header.values", "plan-builder-header-value"));
        tools = context.getBean(DefaultToolRegistry.class).all().stream().map(RegisteredTool::descriptor).toList();
        builder = new PlanBuilder(new WebToolMapper(OURS, null),
                new CredentialResolver(context.getBean(ToolCredentials.class), Duration.ofDays(365), Duration.ofDays(30)));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static RemoteWebTool remote(String id, String persistentId, int version, String name, boolean active, String url) {
        ObjectNode params = Json.MAPPER.createObjectNode().put("type", "object");
        return new RemoteWebTool(id, persistentId, version, active, true, null, null, new WebToolDefinition("FUNCTION", name,
                "d", false, null, params, Map.of(), url, "POST", null, null, BigDecimal.TEN, Map.of(), Map.of()));
    }

    private static SyncPlan.Content plan(boolean prune, ListedWebTool... items) {
        return builder.build(tools, new WebToolListing(List.of(items), null, false, null), SyncOptions.pruning(prune),
                HamsaDialect.REFERENCE);
    }

    private static SyncPlan.Entry entry(SyncPlan.Content plan, String name) {
        return plan.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anOldVersionOfACodeTool_isNeitherAnOrphanNorTheTwin() {
        SyncPlan.Content plan = plan(true,
                remote("v1", "p", 1, "open_tool", true, OURS + "/tools/open_tool"),
                remote("v2", "p", 2, "open_tool", false, OURS + "/tools/open_tool"));

        SyncPlan.Entry open = entry(plan, "open_tool");
        assertEquals(SyncPlan.Action.UPDATE, open.action(), "the newest version is inactive: reactivated");
        assertEquals("v2", open.remoteId());
        assertEquals(0, plan.entries().stream().filter(e -> e.action() == SyncPlan.Action.DEACTIVATE).count());
        assertTrue(plan.notes().get(0).startsWith("1 superseded versions were listed"), plan.notes().toString());
    }

    @Test
    void anUnreadableItemWithACodeToolsName_isLeftAlone_neverACreate() {
        SyncPlan.Content plan = plan(false, new UnreadableWebTool("u1", "p", 1, "open_tool", null, "headers is 42"));

        SyncPlan.Entry open = entry(plan, "open_tool");
        assertEquals(SyncPlan.Action.UNREADABLE, open.action());
        assertEquals("Hamsa's answer for 'open_tool' (id u1) could not be read: headers is 42; left alone, so nothing "
                + "is created in its place. Fix or remove it in Hamsa.", open.detail());
    }

    @Test
    void twoLiveCopiesOfACodeTool_theOldestIsTheTwin_theOtherIsNamedForDeactivationAfterTheWrites() {
        SyncPlan.Content plan = plan(true,
                remote("b", "pb", 4, "open_tool", true, OURS + "/tools/open_tool"),
                remote("a", "pa", 1, "open_tool", true, OURS + "/tools/open_tool"));

        SyncPlan.Entry open = entry(plan, "open_tool");
        assertEquals("a", open.remoteId(), "no creation time: the lowest persistentId, whatever the version or list order");
        assertEquals(Set.of("open_tool"), plan.duplicated());
        assertTrue(plan.notes().contains("open_tool has 2 live copies under this URL (a, b): after the writes the "
                + "oldest, a, stays live and the others are deactivated."), plan.notes().toString());
        assertEquals(0, plan.entries().stream().filter(e -> e.action() == SyncPlan.Action.DEACTIVATE).count(),
                "never a plan entry: the tool stays in the code");
    }

    private static RemoteWebTool jwtTool(String token, String updatedAt) {
        RemoteWebTool plain = remote("j", "pj", 2, "jwt_tool", true, OURS + "/tools/jwt_tool");
        SyncPlan.Content first = plan(false, plain);
        WebToolDefinition sent = first.work().get(SyncPlan.key("jwt_tool", "j")).body();
        return new RemoteWebTool("j", "pj", 2, true, true, updatedAt, null, new WebToolDefinition(sent.type(), sent.name(),
                sent.description(), sent.async(), null, sent.params(), sent.messages(), sent.serverUrl(), sent.methodType(),
                null, token, sent.timeoutSeconds(), Map.of(), sent.pathParameters()));
    }

    @Test
    void aMaskedToken_isAssumedCurrent_untilTheToolIsOldEnoughForItToExpire() {
        SyncPlan.Content recent = plan(false, jwtTool("Bearer ****", Instant.now().minus(Duration.ofDays(10)).toString()));
        assertEquals(SyncPlan.Action.UNCHANGED, entry(recent, "jwt_tool").action());
        assertTrue(recent.notes().stream().anyMatch(n -> n.startsWith("Hamsa answered the credentials of 1 tools masked")),
                recent.notes().toString());

        SyncPlan.Content old = plan(false, jwtTool("Bearer ****", Instant.now().minus(Duration.ofDays(340)).toString()));
        assertEquals(SyncPlan.Action.UPDATE, entry(old, "jwt_tool").action(), "minted 340 days ago: expires within 30");
        assertEquals("~ toolSettings.authToken: (secret) -> (secret)", entry(old, "jwt_tool").changes().get(0).toString());
    }

    @Test
    void aListThatShowsNoCredentialAtAll_leavesThemOut_soAbsenceIsNoChange() {
        SyncPlan.Content silent = plan(false, remote("h", "ph", 1, "header_tool", true, OURS + "/tools/header_tool"));
        assertEquals(List.of(), entry(silent, "header_tool").changes().stream()
                .filter(SyncPlan.Change::secret).toList(), "no credential anywhere: assumed left out");

        RemoteWebTool withToken = jwtTool("Bearer a.b.c", null);
        SyncPlan.Content shown = plan(false, withToken, remote("h", "ph", 1, "header_tool", true, OURS + "/tools/header_tool"));
        assertEquals(List.of("+ toolSettings.httpHeaders.x-api-key: (none) -> (secret)"),
                entry(shown, "header_tool").changes().stream().filter(SyncPlan.Change::secret).map(Object::toString).toList(),
                "another tool shows its credential: this one has none");
    }

    @Test
    void anOrphanWhoseStateNobodyStated_isNeverDeactivated() {
        RemoteWebTool unstated = new RemoteWebTool("o", "po", 1, true, false, null, null,
                remote("o", "po", 1, "retired", true, OURS + "/tools/retired").definition());
        assertEquals(List.of(), plan(true, unstated).entries().stream()
                .filter(e -> e.action() == SyncPlan.Action.DEACTIVATE).toList());
    }

    @Test
    void pruning_neverDeactivatesAToolTheCodeStillHas_overRandomLists() {
        Set<String> codeNames = tools.stream().map(ToolDescriptor::name).collect(Collectors.toSet());
        List<String> names = List.of("jwt_tool", "header_tool", "open_tool", "retired_a", "retired_b");
        Random random = new Random(20261204L);
        for (int round = 0; round < 500; round++) {
            List<ListedWebTool> items = new ArrayList<>();
            for (int i = random.nextInt(12); i > 0; i--) {
                String name = names.get(random.nextInt(names.size()));
                String persistentId = "p" + random.nextInt(6);
                String url = random.nextBoolean() ? OURS + "/tools/" + name : "https://elsewhere.example.net/" + name;
                items.add(random.nextInt(8) == 0
                        ? new UnreadableWebTool("u" + round + "-" + i, persistentId, random.nextInt(4), name, null, "broken")
                        : remote("r" + round + "-" + i, persistentId, random.nextInt(4), name, random.nextBoolean(), url));
            }
            SyncPlan.Content plan = plan(true, items.toArray(ListedWebTool[]::new));

            for (SyncPlan.Entry entry : plan.entries()) {
                if (entry.action() == SyncPlan.Action.DEACTIVATE) {
                    RemoteWebTool target = plan.work().get(SyncPlan.key(entry.name(), entry.remoteId())).remote();
                    assertFalse(codeNames.contains(target.name()), "round " + round + " deactivates " + target.name());
                    assertTrue(new WebToolListing(items, null, false, null).latestVersions().contains(target),
                            "round " + round + ": only a newest version is ever deactivated");
                }
            }
            assertEquals(codeNames, plan.entries().stream().map(SyncPlan.Entry::name).filter(codeNames::contains)
                    .collect(Collectors.toSet()), "every code tool has an entry, round " + round);
        }
    }
}
