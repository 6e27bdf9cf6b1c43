package dev.toolwire.examples.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.examples.Application;
import dev.toolwire.runtime.Toolwire;
import dev.toolwire.runtime.auth.ToolCredentials;
import dev.toolwire.testing.FakeHamsa;
import dev.toolwire.testing.RecordedRequest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The {@code sync} command of the example application against the fake Hamsa: the real descriptors,
 * the real client over HTTP, a configured public URL, and test credentials that really sign.
 */
class HamsaSyncTest {

    private static final String KEY = "hk_live_9f8e7d6c5b4a_SECRET";
    private static final String PUBLIC_URL = "https://tools.example.com";
    private static final List<String> NAMES = List.of("book_appointment", "cancel_appointment", "check_availability",
            "create_support_ticket", "generate_account_report", "generate_account_report_status", "get_order_status",
            "lookup_customer", "update_customer_preferences");
    private static final FakeHamsa HAMSA = FakeHamsa.start(KEY);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PROPERTIES = Map.of(
            "spec.name", "HamsaSyncTest",
            "toolwire.public-url", PUBLIC_URL,
            "toolwire.hamsa.base-url", HAMSA.url().toString(),
            "toolwire.hamsa.api-key", KEY,
            "toolwire.hamsa.requests-per-minute", "60000",
            "toolwire.hamsa.backoff", "5ms",
            "toolwire.hamsa.max-backoff", "20ms");

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void setUp() {
        HAMSA.reset();
        PROPERTIES.forEach(System::setProperty);
        logs.start();
        Logger toolwire = (Logger) LoggerFactory.getLogger("dev.toolwire");
        toolwire.setLevel(Level.DEBUG);
        toolwire.addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        Logger toolwire = (Logger) LoggerFactory.getLogger("dev.toolwire");
        toolwire.detachAppender(logs);
        toolwire.setLevel(null);
        PROPERTIES.keySet().forEach(System::clearProperty);
    }

    @AfterAll
    static void stop() {
        HAMSA.close();
    }

    private Run sync(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "sync";
        System.arraycopy(args, 0, command, 1, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Toolwire.execute(Application.class, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), command);
        Run run = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        String logged = logs.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
        assertFalse((run.out() + run.err() + logged).contains(KEY), "the API key was printed or logged");
        return run;
    }

    private static List<RecordedRequest> writes() {
        return HAMSA.requests().stream().filter(RecordedRequest::isWrite).toList();
    }

    private static List<String> remoteNames() {
        return HAMSA.tools().stream().map(t -> t.path("name").asText()).sorted().toList();
    }

    @Test
    void dryRun_plansEveryCreateAndWritesNothing() {
        Run run = sync("--dry-run");

        assertEquals(0, run.exit(), run.err());
        for (String name : NAMES) {
            assertTrue(run.out().contains("  + " + name + " (create: "), run.out());
        }
        assertTrue(run.out().contains("Dry run: nothing was written."), run.out());
        assertEquals(List.of(), writes());
        assertEquals(List.of(), HAMSA.tools());
    }

    @Test
    void firstSync_createsEveryToolWithItsBody_andASecondSyncWritesNothing() throws Exception {
        Run first = sync();

        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("Sync: 9 created, 0 updated, 0 unchanged, 0 deactivated, 0 failed."), first.out());
        assertEquals(NAMES, remoteNames());
        assertEquals(9, writes().size());
        JsonNode sent = writes().stream().filter(r -> r.body().path("name").asText().equals("get_order_status"))
                .findFirst().orElseThrow().body();
        assertEquals("POST", writes().get(0).method());
        assertEquals("/v2/voice-agents/web-tool", writes().get(0).path());
        assertEquals("Token " + KEY, writes().get(0).header("Authorization").orElseThrow());
        assertEquals(JSON.readTree(("{'type':'FUNCTION','name':'get_order_status','async':false,"
                + "'messages':[{'type':'REQUEST_START','content':'Let me check on that order.'}],"
                + "'toolSettings':{'serverUrl':'https://tools.example.com/orders/:order_id','methodType':'GET',"
                + "'timeOut':10,'pathParameters':{'order_id':''}}}").replace('\'', '"')),
                withoutKeys(sent, "description", "params", "authToken"));
        assertEquals(describedParams("get_order_status"), sent.path("params"));
        assertFalse(sent.has("collectionId"));
        String token = sent.at("/toolSettings/authToken").asText();
        assertTrue(token.startsWith("Bearer "), token);
        try (ApplicationContext server = ApplicationContext.run(Environment.TEST)) {
            ToolCredentials credentials = server.getBean(ToolCredentials.class);
            assertTrue(credentials.accepts(token, "get_order_status", Duration.ofDays(300)), "the server accepts it");
            assertFalse(credentials.accepts(token, "lookup_customer", Duration.ZERO), "only for its own tool");
        }

        int before = HAMSA.requests().size();
        Run second = sync();

        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("Sync: 0 created, 0 updated, 9 unchanged, 0 deactivated, 0 failed."), second.out());
        assertTrue(second.out().contains("  = get_order_status\n"), second.out());
        assertTrue(HAMSA.requests().subList(before, HAMSA.requests().size()).stream().noneMatch(RecordedRequest::isWrite));
    }

    @Test
    void oneToolChangedOnHamsa_isTheOnlyUpdate_andItsNewVersionIsRecorded() throws Exception {
        assertEquals(0, sync().exit());
        ObjectNode tool = HAMSA.tool("get_order_status").orElseThrow();
        String original = tool.path("description").asText();
        patchByHand(tool, "Edited by hand in the dashboard.");
        int before = HAMSA.requests().size();

        Run run = sync();

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("  ~ get_order_status (update version 2)"), run.out());
        assertTrue(run.out().contains("~ description: \"Edited by hand in the dashboard.\" -> " + JSON.writeValueAsString(original)),
                run.out());
        assertTrue(run.out().contains("Sync: 0 created, 1 updated, 8 unchanged, 0 deactivated, 0 failed."), run.out());
        List<RecordedRequest> newWrites = HAMSA.requests().subList(before, HAMSA.requests().size()).stream()
                .filter(RecordedRequest::isWrite).toList();
        assertEquals(1, newWrites.size());
        assertEquals("PATCH", newWrites.get(0).method());
        ObjectNode now = HAMSA.tool("get_order_status").orElseThrow();
        assertEquals(3, now.path("version").asInt());
        assertEquals(original, now.path("description").asText());
        assertTrue(run.out().contains("~ get_order_status: updated (id " + now.path("id").asText() + ", version 3)"), run.out());
        assertEquals(tool.at("/toolSettings/authToken"), now.at("/toolSettings/authToken"), "the still-valid token is kept");
    }

    @Test
    void handMadeAndOtherAppTools_areNeverTouched_andPruneDeactivatesOnlyOurOrphans() {
        ObjectNode handMade = HAMSA.seed(webTool("transfer_to_human", "https://crm.example.net/hooks/transfer"));
        ObjectNode otherApp = HAMSA.seed(webTool("other_app_tool", "https://tools.example.com.evil.net/x"));
        ObjectNode orphan = HAMSA.seed(webTool("retired_tool", PUBLIC_URL + "/tools/retired_tool"));

        Run plain = sync();
        assertEquals(0, plain.exit(), plain.err());
        assertTrue(plain.out().contains("  - retired_tool (no longer in the code; run with --prune"), plain.out());
        assertTrue(plain.out().contains("2 other Hamsa tools point elsewhere and are left alone."), plain.out());
        assertTrue(HAMSA.tool("retired_tool").orElseThrow().path("isActive").asBoolean());

        Run pruned = sync("--prune");
        assertEquals(0, pruned.exit(), pruned.err());
        assertTrue(pruned.out().contains("Sync: 0 created, 0 updated, 9 unchanged, 1 deactivated, 0 failed."), pruned.out());
        assertFalse(HAMSA.tool("retired_tool").orElseThrow().path("isActive").asBoolean());
        for (ObjectNode untouched : List.of(handMade, otherApp)) {
            assertEquals(untouched, HAMSA.tool(untouched.path("name").asText()).orElseThrow());
            assertTrue(writes().stream().noneMatch(r -> r.toString().contains(untouched.path("id").asText())));
        }
        assertTrue(writes().stream().anyMatch(r -> r.path().endsWith("/toggle-activation")
                && r.body().path("id").asText().equals(orphan.path("id").asText())
                && !r.body().path("isActive").asBoolean()));
    }

    @Test
    void aToolOfTheSameNameElsewhere_isAConflictLeftAlone() {
        ObjectNode foreign = HAMSA.seed(webTool("lookup_customer", "https://crm.example.net/lookup"));

        Run run = sync();

        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("  ! lookup_customer (a Hamsa tool named 'lookup_customer' points at https://crm.example.net/lookup"),
                run.out());
        assertTrue(run.out().contains("Sync: 8 created, 0 updated, 0 unchanged, 0 deactivated, 1 failed."), run.out());
        assertEquals(foreign, HAMSA.tool("lookup_customer").orElseThrow());
    }

    @Test
    void underATightRateLimit_everyToolIsCreatedOnce() {
        HAMSA.rateLimit(4, Duration.ofSeconds(1));

        Run run = sync();

        assertEquals(0, run.exit(), run.err());
        assertTrue(HAMSA.requests().stream().anyMatch(r -> r.status() == 429), "the limit was hit and waited out");
        assertEquals(NAMES, remoteNames());
        assertEquals(9, HAMSA.versionCount());
    }

    @Test
    void under503s_andACreateWhoseAnswerWasLost_nothingIsCreatedTwice() {
        HAMSA.failNext(2, 503);
        HAMSA.failNextAfterCommit(2, 503);

        Run run = sync();

        assertEquals(0, run.exit(), run.err() + run.out());
        assertTrue(run.out().contains("checking whether it took effect"), run.out());
        assertEquals(NAMES, remoteNames());
        assertEquals(9, HAMSA.versionCount(), "no tool was created twice");
        assertEquals(2, HAMSA.requests().stream().filter(r -> r.method().equals("GET") && r.status() == 503).count());
    }

    @Test
    void aWrongKey_failsFastNamingTheProperty_neverTheKey() {
        System.setProperty("toolwire.hamsa.api-key", "Token wrong-key-123456");

        Run run = sync();

        assertEquals(2, run.exit(), run.out());
        assertTrue(run.err().contains("toolwire.hamsa.api-key"), run.err());
        assertFalse((run.out() + run.err()).contains("wrong-key-123456"), run.err());
        assertEquals(1, HAMSA.requests().size(), "no retry after a 401");
        assertEquals("Token wrong-key-123456", HAMSA.requests().get(0).header("Authorization").orElseThrow());
    }

    @Test
    void noPublicUrl_isAConfigurationError() {
        System.clearProperty("toolwire.public-url");

        Run run = sync("--dry-run");

        assertEquals(2, run.exit(), run.out());
        assertTrue(run.err().contains("toolwire.public-url"), run.err());
        assertEquals(List.of(), HAMSA.requests());
    }

    private static JsonNode withoutKeys(JsonNode body, String... keys) {
        ObjectNode copy = body.deepCopy();
        for (String key : keys) {
            copy.remove(key);
            ((ObjectNode) copy.path("toolSettings")).remove(key);
        }
        return copy;
    }

    private static JsonNode describedParams(String tool) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Toolwire.execute(Application.class, new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                "describe", tool);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8)).path("params");
    }

    private static String webTool(String name, String url) {
        return ("{'type':'FUNCTION','name':'" + name + "','description':'Made by hand.','async':false,"
                + "'params':{'type':'object','properties':{}},'messages':[],"
                + "'toolSettings':{'serverUrl':'" + url + "','methodType':'POST','timeOut':5}}").replace('\'', '"');
    }

    private static void patchByHand(ObjectNode tool, String description) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "FUNCTION").put("name", tool.path("name").asText()).put("description", description)
                .put("async", tool.path("async").asBoolean());
        body.set("params", tool.path("params"));
        body.set("messages", tool.path("messages"));
        ObjectNode settings = tool.path("toolSettings").deepCopy();
        settings.put("timeOut", settings.path("timeout").asInt() / 1000);
        settings.remove("timeout");
        body.set("toolSettings", settings);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(HAMSA.url() + "/v2/voice-agents/web-tool/" + tool.path("id").asText()))
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString()))
                        .header("Authorization", "Token " + KEY).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }
}
