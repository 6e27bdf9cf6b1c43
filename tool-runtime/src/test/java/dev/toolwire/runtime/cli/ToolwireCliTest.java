package dev.toolwire.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.Toolwire;
import dev.toolwire.runtime.descriptor.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The command line through {@link Toolwire#execute}, without an HTTP server and without exiting. */
class ToolwireCliTest {

    @BeforeAll
    static void enableFixtures() {
        System.setProperty("spec.name", "ToolwireCliTest");
        System.setProperty("toolwire.public-url", "https://tools.example.com/");
        System.setProperty("toolwire.hamsa.collection-id", "c0ffee");
    }

    @AfterAll
    static void disableFixtures() {
        System.clearProperty("spec.name");
        System.clearProperty("toolwire.public-url");
        System.clearProperty("toolwire.hamsa.collection-id");
    }

    record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return Json.MAPPER.readTree(out);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Toolwire.execute(ToolwireCliTest.class, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String json) throws IOException {
        return Json.MAPPER.readTree(json.replace('\'', '"'));
    }

    @Test
    void toolsAsJson() throws IOException {
        Run run = run("tools", "--json");
        assertEquals(0, run.exit(), run.err());
        assertEquals(json("[{'name':'get_order','method':'GET','path':'/orders/{order_id}','auth':'DEFAULT',"
                + "'effectiveAuth':'jwt','async':true},"
                + "{'name':'ping','method':'POST','path':'/tools/ping','auth':'DEFAULT','effectiveAuth':'jwt','async':false}]"),
                run.json());
    }

    @Test
    void toolsAsTable() {
        Run run = run("tools");
        assertEquals(0, run.exit());
        assertEquals("NAME       METHOD  PATH                AUTH           ASYNC\n"
                + "get_order  GET     /orders/{order_id}  jwt (default)  yes\n"
                + "ping       POST    /tools/ping         jwt (default)  no\n", run.out().replace("\r\n", "\n"));
    }

    @Test
    void describeToolwireFormatOmitsInvocation() throws IOException {
        Run run = run("describe", "get_order");
        assertEquals(0, run.exit(), run.err());
        JsonNode descriptor = run.json();
        assertEquals("get_order", descriptor.path("name").asText());
        assertEquals(1, descriptor.path("descriptorVersion").asInt());
        assertFalse(descriptor.has("invocation"));
        assertEquals(json("{'start':'Let me look that up.','complete':'Found it.'}"), descriptor.path("messages"));
    }

    @Test
    void describeHamsaFormat() throws IOException {
        Run run = run("describe", "get_order", "--format", "hamsa");
        assertEquals(0, run.exit(), run.err());
        assertEquals(json("{'type':'FUNCTION','name':'get_order','description':'Looks up an order.','async':true,"
                + "'collectionId':'c0ffee',"
                + "'params':{'properties':{'order_id':{'default':'ORD-00000','description':'the order number',"
                + "'pattern':'^ORD-[0-9]{5}$','type':'string'}},'type':'object'},"
                + "'messages':[{'type':'REQUEST_START','content':'Let me look that up.'},"
                + "{'type':'REQUEST_COMPLETE','content':'Found it.'}],"
                + "'toolSettings':{'serverUrl':'https://tools.example.com/orders/:order_id','methodType':'GET',"
                + "'timeOut':30,'pathParameters':{'order_id':'ORD-00000'}}}"), run.json());
    }

    @Test
    void describeHamsaWithoutASecret_saysWhyThereIsNoToken() {
        Run run = run("describe", "get_order", "--format", "hamsa");
        assertFalse(run.out().contains("authToken"), run.out());
        assertTrue(run.err().contains("toolwire.auth.jwt.secret"), run.err());
    }

    @Test
    void tokenWithoutASecret_cannotMintAnAcceptedToken() {
        Run run = run("token", "--all");
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err().contains("Cannot mint a token the server will accept"), run.err());
        assertTrue(run.err().contains("toolwire.auth.jwt.secret"), run.err());
    }

    @Test
    void tokenWithASecret_printsAJwtForTheNamedTools() {
        System.setProperty("toolwire.auth.jwt.secret", "cli-test-secret-0123456789-abcdefghijklmnop");
        try {
            Run run = run("token", "--tool", "get_order", "--ttl", "PT1H");
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().strip().matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+"), run.out());
            Run hamsa = run("describe", "get_order", "--format", "hamsa");
            assertTrue(hamsa.out().contains("\"authToken\" : \"Bearer ey"), hamsa.out());
            assertEquals("", hamsa.err());
        } finally {
            System.clearProperty("toolwire.auth.jwt.secret");
        }
    }

    @Test
    void tokenUsageErrors_exitWithTwo() {
        assertEquals(2, run("token").exit(), "neither --tool nor --all");
        assertEquals(2, run("token", "--all", "--tool", "get_order").exit(), "both");
        assertEquals(2, run("token", "--all", "--ttl", "soon").exit());
        Run unknown = run("token", "--tool", "get_ordr");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("get_order"), unknown.err());
    }

    @Test
    void ttlSyntax() {
        assertEquals(Optional.of(Duration.ofDays(30)), TokenCommand.parseTtl("30d"));
        assertEquals(Optional.of(Duration.ofHours(12)), TokenCommand.parseTtl("12h"));
        assertEquals(Optional.of(Duration.ofMinutes(15)), TokenCommand.parseTtl("15m"));
        assertEquals(Optional.of(Duration.ofSeconds(90)), TokenCommand.parseTtl("90s"));
        assertEquals(Optional.of(Duration.ofHours(1)), TokenCommand.parseTtl("PT1H"));
        assertEquals(Optional.of(Duration.ofDays(2)), TokenCommand.parseTtl("P2D"));
        for (String bad : new String[] {"0d", "-1d", "PT0S", "30", "d", "1w", "3651d", "PT-1H", ""}) {
            assertEquals(Optional.empty(), TokenCommand.parseTtl(bad), bad);
        }
    }

    @Test
    void describeHamsaLeavesOutEmptyMessages() throws IOException {
        Run run = run("describe", "ping", "--format=hamsa");
        assertEquals(json("[]"), run.json().path("messages"));
        assertEquals("https://tools.example.com/tools/ping", run.json().at("/toolSettings/serverUrl").asText());
    }

    @Test
    void describeUnknownToolSuggestsNames() {
        Run run = run("describe", "get_ordr");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("Unknown tool 'get_ordr'. Did you mean: get_order?"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void describeUnknownFormat() {
        Run run = run("describe", "get_order", "--format", "yaml");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("Unknown format 'yaml'"), run.err());
    }

    @Test
    void callRunsTheToolInProcess() throws IOException {
        Run run = run("call", "get_order", "--args", "{\"order_id\": \"ORD-12345\"}");
        assertEquals(0, run.exit(), run.err());
        assertEquals(json("{'order_id':'ORD-12345','status':'shipped'}"), run.json());
    }

    @Test
    void callUsesDefaults() throws IOException {
        Run run = run("call", "get_order");
        assertEquals(0, run.exit(), run.err());
        assertEquals("ORD-00000", run.json().path("order_id").asText());
    }

    @Test
    void callVoidTool() throws IOException {
        Run run = run("call", "ping");
        assertEquals(0, run.exit());
        assertEquals(json("{'success':true}"), run.json());
    }

    @Test
    void callToolErrorExitsWithOne() throws IOException {
        Run run = run("call", "get_order", "--args", "{\"order_id\": \"ORD-99999\"}");
        assertEquals(1, run.exit());
        assertEquals("NOT_FOUND", run.json().at("/error/code").asText());
        assertTrue(run.json().at("/error/requestId").asText().startsWith("cli-"));
    }

    @Test
    void callInvalidArgumentsExitsWithOne() throws IOException {
        Run run = run("call", "get_order", "--args", "{\"order_id\": \"12345\"}");
        assertEquals(1, run.exit());
        assertEquals("INVALID_ARGUMENTS", run.json().at("/error/code").asText());
        assertEquals("/order_id", run.json().at("/error/details/0/path").asText());
    }

    @Test
    void callMalformedArguments() throws IOException {
        Run run = run("call", "get_order", "--args", "[1,2]");
        assertEquals(1, run.exit());
        assertEquals("MALFORMED_REQUEST", run.json().at("/error/code").asText());
    }

    @Test
    void callUnknownToolExitsWithTwo() {
        Run run = run("call", "nope");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("Unknown tool 'nope'."), run.err());
    }

    @Test
    void helpAndUsageErrors() {
        Run help = run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("tools") && help.out().contains("describe") && help.out().contains("call"), help.out());
        Run callHelp = run("call", "--help");
        assertEquals(0, callHelp.exit());
        assertTrue(callHelp.out().contains("--args"), callHelp.out());
        assertEquals(2, run("describe").exit());
        assertEquals(2, run("frobnicate").exit());
    }

    @Test
    void withoutDevtools_helpListsOnlyTheRuntimesCommands_andTrainIsUnknown() {
        Run help = run("--help");

        assertEquals(0, help.exit(), help.err());
        String commands = help.out().substring(help.out().indexOf("Commands:"));
        List<String> names = commands.lines().skip(1)
                .filter(line -> line.startsWith("  ") && !line.startsWith("   "))
                .map(line -> line.strip().split("\\s+")[0])
                .toList();
        assertEquals(List.of("tools", "describe", "call", "sync", "token"), names, help.out());
        assertFalse(help.out().contains("train") || help.out().contains("export"), help.out());
        assertEquals(2, run("train").exit());
        assertEquals(2, run("export", "--format", "openapi").exit());
    }
}
