package dev.toolwire.examples.sync;

import static dev.toolwire.examples.sync.SyncRun.NAMES;
import static dev.toolwire.examples.sync.SyncRun.PUBLIC_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.testing.FakeHamsa;
import dev.toolwire.testing.FakeHamsa.Dialect;
import dev.toolwire.testing.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Hamsa that answers in ways its documents allow but do not promise, in each dialect: superseded
 * versions listed as tools of their own, {@code skip} read as an offset, {@code take} capped without a
 * {@code total}, credentials answered masked, success answered as {@code success: false}, a base URL
 * behind a path, rate limits beyond four tries, items that cannot be read. Whatever it does, the
 * sync leaves every tool of the application exactly once, active and current, a second run writes
 * nothing, and nothing the code still has is ever deactivated.
 */
class HostileHamsaTest {

    /** One way of being hostile, scripted on the fake. */
    enum Hostility {
        SUPERSEDED_VERSIONS_LISTED(h -> h.listSupersededVersions(true)),
        SKIP_IS_AN_OFFSET(h -> h.skipIsOffset(true)),
        TAKE_CAPPED_WITHOUT_TOTAL(h -> h.capTake(4).omitTotal(true)),
        SECRETS_MASKED(h -> h.maskSecrets(true)),
        SUCCESS_ANSWERED_FALSE(h -> h.successFalseOnSuccess(true)),
        BASE_URL_WITH_A_PATH(h -> h.basePath("/hamsa")),
        ALL_AT_ONCE(h -> h.listSupersededVersions(true).skipIsOffset(true).capTake(3).omitTotal(true)
                .maskSecrets(true).successFalseOnSuccess(true).basePath("/proxy/hamsa"));

        private final Function<FakeHamsa, FakeHamsa> script;

        Hostility(Function<FakeHamsa, FakeHamsa> script) {
            this.script = script;
        }
    }

    @AfterAll
    static void stop() {
        SyncRun.stopFakes();
    }

    static Stream<Arguments> everyHostilityInEveryDialect() {
        List<Arguments> all = new ArrayList<>();
        for (Dialect dialect : Dialect.values()) {
            for (Hostility hostility : Hostility.values()) {
                all.add(Arguments.of(dialect, hostility));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} dialect, {1}")
    @MethodSource("everyHostilityInEveryDialect")
    void syncEditSyncSync_everyToolOnceActiveAndCurrent_theLastRunWritesNothing(Dialect dialect, Hostility hostility) {
        try (SyncRun hamsa = SyncRun.against(dialect)) {
            hostility.script.apply(hamsa.hamsa());
            hamsa.repointed();

            assertSynced(hamsa, hamsa.sync("--prune"));
            ObjectNode edited = hamsa.tool("get_order_status");
            hamsa.editByHand(edited, "Edited by hand: a new version, the old one superseded.");
            assertSynced(hamsa, hamsa.sync("--prune"));
            assertEquals(edited.path("description"), hamsa.tool("get_order_status").path("description"), "current again");

            int before = hamsa.hamsa().requests().size();
            SyncRun.Run last = hamsa.sync("--prune");
            assertSynced(hamsa, last);
            assertEquals(List.of(), hamsa.writesSince(before), last.out());
            assertTrue(last.out().contains("Sync: 0 created, 0 updated, 9 unchanged, 0 deactivated, 0 failed."), last.out());
        }
    }

    private static void assertSynced(SyncRun hamsa, SyncRun.Run run) {
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(NAMES, hamsa.remoteNames(), "every tool exactly once");
        for (ObjectNode tool : hamsa.hamsa().tools()) {
            assertTrue(tool.path("isActive").asBoolean(), tool.path("name").asText() + " is active");
        }
        List<RecordedRequest> switchedOff = hamsa.writes().stream()
                .filter(r -> r.path().endsWith("/toggle-activation") && !r.body().path("isActive").asBoolean(true))
                .toList();
        assertEquals(List.of(), switchedOff, "nothing the code has was deactivated");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void supersededVersionsListed_areNeverOrphans_andThePlanSaysSo(Dialect dialect) {
        try (SyncRun hamsa = SyncRun.against(dialect)) {
            hamsa.hamsa().listSupersededVersions(true);
            assertEquals(0, hamsa.sync().exit());
            hamsa.editByHand(hamsa.tool("lookup_customer"), "Edited.");
            hamsa.editByHand(hamsa.tool("lookup_customer"), "Edited again.");

            SyncRun.Run plan = hamsa.sync("--prune", "--dry-run");

            assertEquals(0, plan.exit(), plan.err());
            assertTrue(plan.out().contains("  ~ lookup_customer (update version 3)"), plan.out());
            assertFalse(plan.out().contains("  - lookup_customer"), plan.out());
            assertTrue(plan.out().contains("0 to deactivate, 0 orphaned"), plan.out());
            assertTrue(plan.out().contains("Note: 2 superseded versions were listed as items of their own"), plan.out());
            assertEquals(3, hamsa.hamsa().versions("lookup_customer").size());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void successAnsweredFalse_aDeactivationThatTookEffect_isReportedDone(Dialect dialect) {
        try (SyncRun hamsa = SyncRun.against(dialect)) {
            hamsa.hamsa().seed(hamsa.handMade("retired_tool", PUBLIC_URL + "/tools/retired_tool"));
            hamsa.hamsa().successFalseOnSuccess(true);

            SyncRun.Run run = hamsa.sync("--prune");

            assertEquals(0, run.exit(), run.out() + run.err());
            assertTrue(run.out().contains("Sync: 9 created, 0 updated, 0 unchanged, 1 deactivated, 0 failed."), run.out());
            assertFalse(hamsa.tool("retired_tool").path("isActive").asBoolean());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void maskedSecrets_areAssumedCurrent_andRotationPublishesFreshOnes(Dialect dialect) {
        try (SyncRun hamsa = SyncRun.against(dialect)) {
            hamsa.hamsa().maskSecrets(true);
            assertEquals(0, hamsa.sync().exit());
            Map<String, String> published = credentials(hamsa);

            SyncRun.Run again = hamsa.sync("--dry-run");
            assertTrue(again.out().contains("Plan: 0 to create, 0 to update, 9 unchanged"), again.out());
            assertTrue(again.out().contains("Note: Hamsa answered the credentials of "), again.out());

            SyncRun.Run rotated = hamsa.sync("--rotate-credentials");
            assertEquals(0, rotated.exit(), rotated.err());
            Map<String, String> now = credentials(hamsa);
            long withCredentials = published.values().stream().filter(v -> !v.isEmpty()).count();
            assertTrue(withCredentials >= 8, published.toString());
            assertTrue(rotated.out().contains("Sync: 0 created, " + withCredentials + " updated"), rotated.out());
            published.forEach((name, credential) -> {
                if (!credential.isEmpty() && credential.startsWith("Bearer ")) {
                    assertNotEquals(credential, now.get(name), name + " got a new token");
                }
            });
            int before = hamsa.hamsa().requests().size();
            assertEquals(0, hamsa.sync().exit());
            assertEquals(List.of(), hamsa.writesSince(before), "rotation is not repeated");
        }
    }

    /** Each tool's stored credential: its token, else its header values, else empty. */
    private static Map<String, String> credentials(SyncRun hamsa) {
        return hamsa.hamsa().tools().stream().collect(Collectors.toMap(t -> t.path("name").asText(), t -> {
            JsonNode token = hamsa.authToken(t);
            if (token.isTextual()) {
                return token.asText();
            }
            JsonNode headers = t.path("headers").isArray() ? t.path("headers") : t.at("/toolSettings/httpHeaders");
            return headers.isEmpty() ? "" : headers.toString();
        }));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aStormOf429s_isWaitedOut_ratherThanFailedAfterFourTries(Dialect dialect) {
        try (SyncRun hamsa = SyncRun.against(dialect)) {
            hamsa.hamsa().failNext(7, 429);

            SyncRun.Run run = hamsa.sync();

            assertEquals(0, run.exit(), run.out() + run.err());
            assertEquals(NAMES, hamsa.remoteNames());
            assertEquals(7, hamsa.hamsa().requests().stream().filter(r -> r.status() == 429).count());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void waitingBeyondMaxWait_failsNamingTheProperty_andChangesNothing(Dialect dialect) {
        try (SyncRun hamsa = SyncRun.against(dialect)) {
            hamsa.with("toolwire.hamsa.max-wait", "150ms");
            hamsa.hamsa().failNext(1000, 429);

            SyncRun.Run run = hamsa.sync();

            assertEquals(1, run.exit(), run.out() + run.err());
            assertTrue(run.err().contains("toolwire.hamsa.max-wait"), run.err());
            assertEquals(List.of(), hamsa.writes());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anUnreadableTool_isReportedByIdAndName_leftAlone_andNeverCreatedAgain(Dialect dialect) {
        try (SyncRun hamsa = SyncRun.against(dialect)) {
            ObjectNode foreign = hamsa.hamsa().seed(hamsa.handMade("transfer_to_human", "https://crm.example.net/t"));
            assertEquals(0, hamsa.sync().exit());
            String member = dialect == Dialect.GUIDE ? "headers" : "toolSettings";
            hamsa.hamsa().corrupt("lookup_customer", member, "\"garbled\"");
            hamsa.hamsa().corrupt("transfer_to_human", member, "42");
            String id = hamsa.tool("lookup_customer").path("id").asText();
            int versions = hamsa.hamsa().versionCount();
            int before = hamsa.hamsa().requests().size();

            SyncRun.Run run = hamsa.sync();

            assertEquals(1, run.exit(), "the tool it could not check counts as failed: " + run.out());
            assertTrue(run.out().contains("  ? lookup_customer (Hamsa's answer for 'lookup_customer' (id " + id
                    + ") could not be read: "), run.out());
            assertTrue(run.out().contains("Note: Hamsa's answer for 'transfer_to_human' (id " + foreign.path("id").asText()
                    + ") could not be read ("), run.out());
            assertTrue(run.out().contains("Sync: 0 created, 0 updated, 8 unchanged, 0 deactivated, 1 failed."), run.out());
            assertEquals(List.of(), hamsa.writesSince(before));
            assertEquals(versions, hamsa.hamsa().versionCount());
        }
    }
}
