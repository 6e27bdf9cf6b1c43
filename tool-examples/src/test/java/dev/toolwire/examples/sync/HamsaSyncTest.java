package dev.toolwire.examples.sync;

import static dev.toolwire.examples.sync.SyncRun.JSON;
import static dev.toolwire.examples.sync.SyncRun.KEY;
import static dev.toolwire.examples.sync.SyncRun.NAMES;
import static dev.toolwire.examples.sync.SyncRun.PUBLIC_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.examples.Application;
import dev.toolwire.runtime.Toolwire;
import dev.toolwire.runtime.auth.ToolCredentials;
import dev.toolwire.testing.FakeHamsa.Dialect;
import dev.toolwire.testing.RecordedRequest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@code sync} command of the example application against the fake Hamsa, in each dialect of
 * Hamsa's API (the fake answers only its own paths and shapes, so a sync speaking the wrong one
 * fails): the real descriptors, the real client over HTTP, a configured public URL, and test
 * credentials that really sign. The dialect is detected ({@code toolwire.hamsa.dialect=auto}).
 */
class HamsaSyncTest {

    @AfterAll
    static void stop() {
        SyncRun.stopFakes();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void dryRun_plansEveryCreateAndWritesNothing(Dialect dialect) {
        try (SyncRun hamsa = SyncRun.against(dialect)) {
            SyncRun.Run run = hamsa.sync("--dry-run");

            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().startsWith("Hamsa sync plan for " + PUBLIC_URL + " (Hamsa API dialect: "
                    + dialect.name().toLowerCase() + ", auto-detected: "), run.out());
            for (String name : NAMES) {
                assertTrue(run.out().contains("  + " + name + " (create: "), run.out());
            }
            assertTrue(run.out().contains("Dry run: nothing was written."), run.out());
            assertEquals(List.of(), hamsa.writes());
            assertEquals(List.of(), hamsa.hamsa().tools());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void firstSync_createsEveryToolWithItsBody_andASecondSyncWritesNothing(Dialect dialect) throws Exception {
        try (SyncRun hamsa = SyncRun.against(dialect)) {
            SyncRun.Run first = hamsa.sync();

            assertEquals(0, first.exit(), first.err());
            assertTrue(first.out().contains("Sync: 9 created, 0 updated, 0 unchanged, 0 deactivated, 0 failed."), first.out());
            assertEquals(NAMES, hamsa.remoteNames());
            assertEquals(9, hamsa.writes().size());
            RecordedRequest create = hamsa.writes().get(0);
            assertEquals("POST", create.method());
            assertEquals(hamsa.root(), create.path());
            assertEquals("Token " + KEY, create.header("Authorization").orElseThrow());
            JsonNode sent = hamsa.writes().stream().filter(r -> r.body().path("name").asText().equals("get_order_status"))
                    .findFirst().orElseThrow().body();
            assertEquals(expectedOrderStatusBody(dialect), withoutKeys(sent, "description", "params", "parameters", "authToken"));
            assertEquals(describedParams("get_order_status"), sent.path(dialect == Dialect.GUIDE ? "parameters" : "params"));
            assertFalse(sent.has("collectionId"));
            String token = hamsa.authToken(sent).asText();
            assertTrue(token.startsWith("Bearer "), token);
            try (ApplicationContext server = ApplicationContext.run(Environment.TEST)) {
                ToolCredentials credentials = server.getBean(ToolCredentials.class);
                assertTrue(credentials.accepts(token, "get_order_status", Duration.ofDays(300)), "the server accepts it");
                assertFalse(credentials.accepts(token, "lookup_customer", Duration.ZERO), "only for its own tool");
            }

            int before = hamsa.hamsa().requests().size();
            SyncRun.Run second = hamsa.sync();

            assertEquals(0, second.exit(), second.err());
            assertTrue(second.out().contains("Sync: 0 created, 0 updated, 9 unchanged, 0 deactivated, 0 failed."), second.out());
            assertTrue(second.out().contains("  = get_order_status\n"), second.out());
            assertEquals(List.of(), hamsa.writesSince(before));
        }
    }

    private static JsonNode expectedOrderStatusBody(Dialect dialect) throws Exception {
        String body = dialect == Dialect.GUIDE
                ? "{'name':'get_order_status','methodType':'GET','url':'https://tools.example.com/orders/:order_id',"
                        + "'async':false,'timeoutSeconds':10,'authType':'jwtAuth',"
                        + "'pathParameters':[{'name':'order_id','defaultValue':''}],"
                        + "'messages':[{'type':'REQUEST_START','content':'Let me check on that order.'}]}"
                : "{'type':'FUNCTION','name':'get_order_status','async':false,"
                        + "'messages':[{'type':'REQUEST_START','content':'Let me check on that order.'}],"
                        + "'toolSettings':{'serverUrl':'https://tools.example.com/orders/:order_id','methodType':'GET',"
                        + "'timeOut':10,'pathParameters':{'order_id':''}}}";
        return JSON.readTree(body.replace('\'', '"'));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void oneToolChangedOnHamsa_isTheOnlyUpdate_andItsNewVersionIsRecorded(Dialect dialect) throws Exception {
        try (SyncRun hamsa = SyncRun.against(dialect)) {
            assertEquals(0, hamsa.sync().exit());
            ObjectNode tool = hamsa.tool("get_order_status");
            String original = tool.path("description").asText();
            hamsa.editByHand(tool, "Edited by hand in the dashboard.");
            int before = hamsa.hamsa().requests().size();

            SyncRun.Run run = hamsa.sync();

            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().contains("  ~ get_order_status (update version 2)"), run.out());
            assertTrue(run.out().contains("~ description: \"Edited by hand in the dashboard.\" -> "
                    + JSON.writeValueAsString(original)), run.out());
            assertTrue(run.out().contains("Sync: 0 created, 1 updated, 8 unchanged, 0 deactivated, 0 failed."), run.out());
            List<RecordedRequest> newWrites = hamsa.writesSince(before);
            assertEquals(1, newWrites.size());
            assertEquals("PATCH", newWrites.get(0).method());
            ObjectNode now = hamsa.tool("get_order_status");
            assertEquals(3, now.path("version").asInt());
            assertEquals(original, now.path("description").asText());
            assertTrue(run.out().contains("~ get_order_status: updated (id " + now.path("id").asText() + ", version 3)"),
                    run.out());
            assertEquals(hamsa.authToken(tool), hamsa.authToken(now), "the still-valid token is kept");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aToolSwitchedOffByHand_isSwitchedBackOn_withoutANewVersion(Dialect dialect) {
        try (SyncRun hamsa = SyncRun.against(dialect)) {
            assertEquals(0, hamsa.sync().exit());
            ObjectNode tool = hamsa.tool("lookup_customer");
            hamsa.toggleByHand(tool, false);
            int versions = hamsa.hamsa().versionCount();
            int before = hamsa.hamsa().requests().size();

            SyncRun.Run run = hamsa.sync();

            assertEquals(0, run.exit(), run.out());
            assertTrue(run.out().contains("  ~ lookup_customer (update version 1)\n      ~ isActive: false -> true\n"), run.out());
            assertTrue(hamsa.tool("lookup_customer").path("isActive").asBoolean());
            assertEquals(versions, hamsa.hamsa().versionCount(), "a toggle, not a new version");
            List<RecordedRequest> writes = hamsa.writesSince(before);
            assertEquals(1, writes.size(), writes.toString());
            assertEquals("/v1/voice-agents/web-tool/toggle-activation", writes.get(0).path());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void handMadeAndOtherAppTools_areNeverTouched_andPruneDeactivatesOnlyOurOrphans(Dialect dialect) {
        try (SyncRun hamsa = SyncRun.against(dialect)) {
            ObjectNode handMade = hamsa.hamsa().seed(hamsa.handMade("transfer_to_human", "https://crm.example.net/hooks/transfer"));
            ObjectNode otherApp = hamsa.hamsa().seed(hamsa.handMade("other_app_tool", "https://tools.example.com.evil.net/x"));
            ObjectNode orphan = hamsa.hamsa().seed(hamsa.handMade("retired_tool", PUBLIC_URL + "/tools/retired_tool"));

            SyncRun.Run plain = hamsa.sync();
            assertEquals(0, plain.exit(), plain.err());
            assertTrue(plain.out().contains("  - retired_tool (no longer in the code; run with --prune"), plain.out());
            assertTrue(plain.out().contains("2 other Hamsa tools point elsewhere and are left alone."), plain.out());
            assertTrue(hamsa.tool("retired_tool").path("isActive").asBoolean());

            SyncRun.Run pruned = hamsa.sync("--prune");
            assertEquals(0, pruned.exit(), pruned.err());
            assertTrue(pruned.out().contains("Sync: 0 created, 0 updated, 9 unchanged, 1 deactivated, 0 failed."), pruned.out());
            assertFalse(hamsa.tool("retired_tool").path("isActive").asBoolean());
            for (ObjectNode untouched : List.of(handMade, otherApp)) {
                assertEquals(untouched, hamsa.tool(untouched.path("name").asText()));
                assertTrue(hamsa.writes().stream().noneMatch(r -> r.toString().contains(untouched.path("id").asText())));
            }
            assertTrue(hamsa.writes().stream().anyMatch(r -> r.path().equals("/v1/voice-agents/web-tool/toggle-activation")
                    && r.body().path("id").asText().equals(orphan.path("id").asText())
                    && !r.body().path("isActive").asBoolean()));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aToolOfTheSameNameElsewhere_isAConflictLeftAlone(Dialect dialect) {
        try (SyncRun hamsa = SyncRun.against(dialect)) {
            ObjectNode foreign = hamsa.hamsa().seed(hamsa.handMade("lookup_customer", "https://crm.example.net/lookup"));

            SyncRun.Run run = hamsa.sync();

            assertEquals(1, run.exit(), run.out());
            assertTrue(run.out().contains(
                    "  ! lookup_customer (a Hamsa tool named 'lookup_customer' points at https://crm.example.net/lookup"),
                    run.out());
            assertTrue(run.out().contains("Sync: 8 created, 0 updated, 0 unchanged, 0 deactivated, 1 failed."), run.out());
            assertEquals(foreign, hamsa.tool("lookup_customer"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void underATightRateLimit_everyToolIsCreatedOnce(Dialect dialect) {
        try (SyncRun hamsa = SyncRun.against(dialect)) {
            hamsa.hamsa().rateLimit(4, Duration.ofSeconds(1));

            SyncRun.Run run = hamsa.sync();

            assertEquals(0, run.exit(), run.err());
            assertTrue(hamsa.hamsa().requests().stream().anyMatch(r -> r.status() == 429), "the limit was hit and waited out");
            assertEquals(NAMES, hamsa.remoteNames());
            assertEquals(9, hamsa.hamsa().versionCount());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void under503s_andACreateWhoseAnswerWasLost_nothingIsCreatedTwice(Dialect dialect) {
        try (SyncRun hamsa = SyncRun.against(dialect)) {
            hamsa.hamsa().failNext(2, 503);
            hamsa.hamsa().failNextAfterCommit(2, 503);

            SyncRun.Run run = hamsa.sync();

            assertEquals(0, run.exit(), run.err() + run.out());
            assertTrue(run.out().contains("checking whether it took effect"), run.out());
            assertEquals(NAMES, hamsa.remoteNames());
            assertEquals(9, hamsa.hamsa().versionCount(), "no tool was created twice");
            assertEquals(2, hamsa.hamsa().requests().stream().filter(r -> r.method().equals("GET") && r.status() == 503).count());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aWrongKey_failsFastNamingTheProperty_neverTheKey(Dialect dialect) {
        try (SyncRun hamsa = SyncRun.against(dialect)) {
            hamsa.with("toolwire.hamsa.api-key", "Token wrong-key-123456");

            SyncRun.Run run = hamsa.sync();

            assertEquals(2, run.exit(), run.out());
            assertTrue(run.err().contains("toolwire.hamsa.api-key"), run.err());
            assertFalse((run.out() + run.err()).contains("wrong-key-123456"), run.err());
            assertEquals(1, hamsa.hamsa().requests().size(), "no retry after a 401");
            assertEquals("Token wrong-key-123456", hamsa.hamsa().requests().get(0).header("Authorization").orElseThrow());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void noPublicUrl_isAConfigurationError(Dialect dialect) {
        try (SyncRun hamsa = SyncRun.against(dialect)) {
            System.clearProperty("toolwire.public-url");

            SyncRun.Run run = hamsa.sync("--dry-run");

            assertEquals(2, run.exit(), run.out());
            assertTrue(run.err().contains("toolwire.public-url"), run.err());
            assertTrue(run.err().contains("TOOLWIRE_PUBLIC_URL"), run.err());
            assertEquals(List.of(), hamsa.hamsa().requests());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aConfiguredDialect_isSpokenFromTheFirstRequest(Dialect dialect) {
        try (SyncRun hamsa = SyncRun.against(dialect)) {
            hamsa.with("toolwire.hamsa.dialect", dialect.name().toLowerCase());

            SyncRun.Run run = hamsa.sync();

            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().contains("(Hamsa API dialect: " + dialect.name().toLowerCase() + ", configured):"), run.out());
            assertTrue(hamsa.hamsa().requests().stream().allMatch(r -> r.status() < 300), "no request to the other paths");
            assertEquals(NAMES, hamsa.remoteNames());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theWrongConfiguredDialect_isAConfigurationErrorThatChangesNothing(Dialect dialect) {
        try (SyncRun hamsa = SyncRun.against(dialect)) {
            hamsa.with("toolwire.hamsa.dialect", dialect == Dialect.GUIDE ? "reference" : "guide");

            SyncRun.Run run = hamsa.sync();

            assertEquals(2, run.exit(), run.out());
            assertTrue(run.err().contains("toolwire.hamsa.dialect"), run.err());
            assertEquals(List.of(), hamsa.writes());
        }
    }

    private static JsonNode withoutKeys(JsonNode body, String... keys) {
        ObjectNode copy = body.deepCopy();
        for (String key : keys) {
            copy.remove(key);
            if (copy.path("toolSettings").isObject()) {
                ((ObjectNode) copy.path("toolSettings")).remove(key);
            }
        }
        return copy;
    }

    private static JsonNode describedParams(String tool) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Toolwire.execute(Application.class, new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                "describe", tool);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8)).path("params");
    }
}
