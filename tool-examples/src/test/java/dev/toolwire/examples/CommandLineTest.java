package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.toolwire.runtime.auth.ToolCredentials;
import dev.toolwire.runtime.descriptor.Json;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The commands every Toolwire application has, run on the examples as a user would from a shell. */
class CommandLineTest {

    private final JsonMapper json = JsonMapper.createDefault();

    @Test
    void toolsJson_listsTheEightExampleTools_andTheReportStatusTool() throws IOException {
        CommandRun run = CommandRun.of("tools", "--json");

        assertEquals(0, run.exitCode(), run.err());
        List<Map<String, Object>> tools = json.readValue(run.out(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(
                List.of("book_appointment", "cancel_appointment", "check_availability", "create_support_ticket",
                        "generate_account_report", "generate_account_report_status", "get_order_status", "lookup_customer",
                        "update_customer_preferences"),
                tools.stream().map(t -> (String) t.get("name")).sorted().collect(Collectors.toList()));
        Map<String, Object> report = tools.stream()
                .filter(t -> t.get("name").equals("generate_account_report")).findFirst().orElseThrow();
        assertEquals(true, report.get("async"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void describeGetOrderStatus_showsRequiredPathParameterWithPattern() throws IOException {
        CommandRun run = CommandRun.of("describe", "get_order_status");

        assertEquals(0, run.exitCode(), run.err());
        Map<String, Object> descriptor = json.readValue(run.out(), Argument.mapOf(String.class, Object.class));
        assertEquals("GET", descriptor.get("method"));
        assertEquals("/orders/{order_id}", descriptor.get("path"));
        List<Map<String, Object>> pathParameters = (List<Map<String, Object>>) descriptor.get("pathParameters");
        assertEquals("order_id", pathParameters.get(0).get("name"));
        Map<String, Object> params = (Map<String, Object>) descriptor.get("params");
        assertTrue(((List<String>) params.get("required")).contains("order_id"));
        Map<String, Object> orderId = (Map<String, Object>) ((Map<String, Object>) params.get("properties")).get("order_id");
        assertEquals("^ORD-[0-9]{5}$", orderId.get("pattern"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void describeHamsa_writesTheWebToolBodyWithColonPathParameters() throws IOException {
        CommandRun run = CommandRun.of("describe", "cancel_appointment", "--format", "hamsa");

        assertEquals(0, run.exitCode(), run.err());
        Map<String, Object> body = json.readValue(run.out(), Argument.mapOf(String.class, Object.class));
        assertEquals("FUNCTION", body.get("type"));
        Map<String, Object> settings = (Map<String, Object>) body.get("toolSettings");
        assertTrue(((String) settings.get("serverUrl")).endsWith("/appointments/:appointment_id"), settings.toString());
        assertEquals("DELETE", settings.get("methodType"));
        assertEquals(10, settings.get("timeOut"));
    }

    @Test
    void describeHamsaGuide_writesTheGuidesFlatBody() throws IOException {
        CommandRun run = CommandRun.of("describe", "get_order_status", "--format", "hamsa", "--dialect", "guide");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode body = Json.MAPPER.readTree(run.out());
        assertTrue(body.path("url").asText().endsWith("/orders/:order_id"), body.toString());
        assertEquals("GET", body.path("methodType").asText());
        assertEquals("jwtAuth", body.path("authType").asText());
        assertTrue(body.path("authToken").asText().startsWith("Bearer ey"));
        assertEquals("[{\"name\":\"order_id\",\"defaultValue\":\"\"}]", body.path("pathParameters").toString());
        assertEquals("order_id", body.at("/parameters/required/0").asText());
        assertEquals("^ORD-[0-9]{5}$", body.at("/parameters/properties/order_id/pattern").asText());
        assertEquals(10, body.path("timeoutSeconds").asInt());
        assertFalse(body.path("async").asBoolean());
        assertFalse(body.has("toolSettings") || body.has("params"), "nothing of the reference shape");

        JsonNode header = Json.MAPPER.readTree(
                CommandRun.of("describe", "check_availability", "--format", "hamsa", "--dialect", "guide").out());
        assertEquals("none", header.path("authType").asText());
        assertEquals("[{\"name\":\"X-API-Key\",\"value\":\"examples-test-header-key\"}]", header.path("headers").toString());
    }

    @Test
    void describeHamsa_refusesAnUnknownDialect() {
        CommandRun run = CommandRun.of("describe", "get_order_status", "--format", "hamsa", "--dialect", "dashboard");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unknown dialect 'dashboard'. Use --dialect reference or --dialect guide."), run.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void describeHamsa_carriesTheCredentialEachToolIsServedWith() throws IOException {
        Map<String, Object> jwtTool = json.readValue(CommandRun.of("describe", "lookup_customer", "--format", "hamsa").out(),
                Argument.mapOf(String.class, Object.class));
        Map<String, Object> headerTool = json.readValue(CommandRun.of("describe", "check_availability", "--format", "hamsa").out(),
                Argument.mapOf(String.class, Object.class));

        String authToken = (String) ((Map<String, Object>) jwtTool.get("toolSettings")).get("authToken");
        assertTrue(authToken.startsWith("Bearer ey"), authToken);
        try (ApplicationContext context = ApplicationContext.run("test")) {
            assertTrue(context.getBean(ToolCredentials.class).accepts(authToken, "lookup_customer", Duration.ofDays(29)),
                    "a token the server accepts");
        }
        assertEquals(Map.of("X-API-Key", "examples-test-header-key"),
                ((Map<String, Object>) headerTool.get("toolSettings")).get("httpHeaders"));
    }

    @Test
    void token_hasASubjectOfItsOwn_perInvocation_orAsGiven() throws Exception {
        String first = CommandRun.of("token", "--tool", "lookup_customer").out().strip();
        String second = CommandRun.of("token", "--tool", "lookup_customer").out().strip();
        String named = CommandRun.of("token", "--tool", "lookup_customer", "--subject", "crm-nightly-job").out().strip();

        String firstSub = SignedJWT.parse(first).getJWTClaimsSet().getSubject();
        assertTrue(firstSub.startsWith("token/"), firstSub);
        assertFalse(firstSub.equals(SignedJWT.parse(second).getJWTClaimsSet().getSubject()), "two tokens, two callers");
        assertEquals("crm-nightly-job", SignedJWT.parse(named).getJWTClaimsSet().getSubject());
        try (ApplicationContext context = ApplicationContext.run("test")) {
            ToolCredentials credentials = context.getBean(ToolCredentials.class);
            String minted = credentials.issueToken(List.of("get_order_status"), Duration.ofHours(1));
            assertEquals("hamsa/get_order_status", SignedJWT.parse(minted).getJWTClaimsSet().getSubject(),
                    "each tool's published token is a caller of its own");
        }
    }

    @Test
    void token_printsAJwtScopedToTheNamedTools() {
        CommandRun run = CommandRun.of("token", "--tool", "get_order_status", "--tool", "lookup_customer", "--ttl", "12h");

        assertEquals(0, run.exitCode(), run.err());
        String token = run.out().strip();
        try (ApplicationContext context = ApplicationContext.run("test")) {
            ToolCredentials credentials = context.getBean(ToolCredentials.class);
            assertTrue(credentials.accepts(token, "get_order_status", Duration.ofHours(11)));
            assertTrue(credentials.accepts(token, "lookup_customer", Duration.ofHours(11)));
            assertFalse(credentials.accepts(token, "book_appointment", Duration.ZERO));
            assertFalse(credentials.accepts(token, "get_order_status", Duration.ofHours(13)), "valid 12 hours only");
        }
    }

    @Test
    void token_unknownToolOrNoToolExitsWithTwo() {
        CommandRun unknown = CommandRun.of("token", "--tool", "lookup_customers");
        CommandRun none = CommandRun.of("token");

        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("lookup_customer"), unknown.err());
        assertEquals("", unknown.out());
        assertEquals(2, none.exitCode());
    }

    @Test
    void describeUnknownTool_exitsWithTwo() {
        CommandRun run = CommandRun.of("describe", "lookup_customers");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("lookup_customer"), "suggests the close name: " + run.err());
    }

    @Test
    void call_runsTheToolInProcess() throws IOException {
        CommandRun found = CommandRun.of("call", "get_order_status", "--args", "{\"order_id\": \"ORD-10003\"}");
        CommandRun missing = CommandRun.of("call", "get_order_status", "--args", "{\"order_id\": \"ORD-00000\"}");

        assertEquals(0, found.exitCode(), found.err());
        assertEquals("processing", json.readValue(found.out(), Argument.mapOf(String.class, Object.class)).get("status"));
        assertEquals(1, missing.exitCode());
        assertTrue(missing.out().contains("NOT_FOUND"), missing.out());
    }
}
