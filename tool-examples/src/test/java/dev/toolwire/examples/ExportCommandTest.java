package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} in every format, each checked against a JSON Schema of its published shape written
 * by hand from the format's specification (src/test/resources/shapes), and {@code call --paths}.
 */
class ExportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final int TOOL_COUNT = 9;

    private static JsonNode export(String format) throws IOException {
        CommandRun run = CommandRun.of("export", "--format", format);
        assertEquals(0, run.exitCode(), run.err());
        return JSON.readTree(run.out());
    }

    private static List<String> violations(String shape, JsonNode document) throws IOException {
        try (InputStream in = ExportCommandTest.class.getResourceAsStream("/shapes/" + shape + ".schema.json")) {
            Schema schema = SCHEMAS.getSchema(JSON.readTree(in));
            List<String> messages = new ArrayList<>();
            for (Error error : schema.validate(document)) {
                messages.add(error.toString());
            }
            return messages;
        }
    }

    @Test
    void openai_isAFunctionToolArray() throws IOException {
        JsonNode tools = export("openai");

        assertEquals(List.of(), violations("openai-tools", tools));
        assertEquals(TOOL_COUNT, tools.size());
        JsonNode lookup = find(tools, t -> t.path("function").path("name").asText().equals("lookup_customer"));
        assertEquals("string", lookup.at("/function/parameters/properties/phone_number/type").asText());
        assertFalse(violations("openai-tools", JSON.readTree("[{\"type\": \"tool\", \"function\": {}}]")).isEmpty(),
                "the shape rejects what OpenAI would reject");
    }

    @Test
    void mcp_isAToolsListResult() throws IOException {
        JsonNode result = export("mcp");

        assertEquals(List.of(), violations("mcp-tools-list", result));
        assertEquals(TOOL_COUNT, result.path("tools").size());
        JsonNode order = find(result.path("tools"), t -> t.path("name").asText().equals("get_order_status"));
        assertEquals("order_id", order.at("/inputSchema/required/0").asText());
        JsonNode lookup = find(result.path("tools"), t -> t.path("name").asText().equals("lookup_customer"));
        assertEquals("string", lookup.at("/outputSchema/properties/customer_id/type").asText(), lookup.toString());
        assertEquals("boolean", lookup.at("/outputSchema/properties/preferences/properties/email_notifications/type").asText());
        JsonNode availability = find(result.path("tools"), t -> t.path("name").asText().equals("check_availability"));
        assertEquals("repair", availability.at("/outputSchema/properties/service_type/enum/1").asText(),
                "enum results are described as the arguments spell them: " + availability.path("outputSchema"));
        assertFalse(violations("mcp-tools-list", JSON.readTree("{\"tools\": [{\"name\": \"x\"}]}")).isEmpty(),
                "a tool without inputSchema is rejected");
    }

    @Test
    void hamsa_isTheArrayOfWebToolBodiesWithCredentials() throws IOException {
        JsonNode bodies = export("hamsa");

        assertEquals(List.of(), violations("hamsa-web-tools", bodies));
        assertEquals(TOOL_COUNT, bodies.size());
        JsonNode cancel = find(bodies, b -> b.path("name").asText().equals("cancel_appointment"));
        assertTrue(cancel.at("/toolSettings/serverUrl").asText().endsWith(":appointment_id"), cancel.toString());
        assertTrue(find(bodies, b -> b.path("name").asText().equals("lookup_customer"))
                .at("/toolSettings/authToken").asText().startsWith("Bearer "));
        assertEquals("examples-test-header-key", find(bodies, b -> b.path("name").asText().equals("check_availability"))
                .at("/toolSettings/httpHeaders/X-API-Key").asText());
    }

    @Test
    void hamsaGuideDialect_isTheArrayOfTheGuidesFlatBodies() throws IOException {
        CommandRun run = CommandRun.of("export", "--format", "hamsa", "--dialect", "guide");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode bodies = JSON.readTree(run.out());

        assertEquals(List.of(), violations("hamsa-guide-web-tools", bodies));
        assertEquals(TOOL_COUNT, bodies.size());
        assertFalse(violations("hamsa-guide-web-tools", export("hamsa")).isEmpty(), "the reference bodies are not the guide's");
        JsonNode cancel = find(bodies, b -> b.path("name").asText().equals("cancel_appointment"));
        assertEquals("[{\"name\":\"appointment_id\",\"defaultValue\":\"\"}]", cancel.path("pathParameters").toString());
        assertEquals("[{\"name\":\"X-API-Key\",\"value\":\"examples-test-header-key\"}]",
                find(bodies, b -> b.path("name").asText().equals("check_availability")).path("headers").toString());
    }

    @Test
    void openapi_isAnOpenApi31DocumentWithOneOperationPerTool() throws IOException {
        JsonNode doc = export("openapi");

        assertEquals(List.of(), violations("openapi-3.1", doc));
        List<String> operationIds = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operationIds.add(operation.getValue().path("operationId").asText());
                assertEquals(templateVariables(path.getKey()), declaredPathParameters(operation.getValue()),
                        () -> "every template variable of " + path.getKey() + " is declared, and no other");
            }
        }
        assertEquals(TOOL_COUNT, operationIds.size());
        assertEquals(TOOL_COUNT, new HashSet<>(operationIds).size(), "operationIds are unique: " + operationIds);
        assertFalse(violations("openapi-3.1", JSON.readTree("{\"openapi\": \"3.0.0\", \"info\": {}}")).isEmpty());
    }

    @Test
    void openapi_placesArgumentsAndSecurityByMethodAndAuthMode() throws IOException {
        JsonNode doc = export("openapi");

        JsonNode lookup = doc.at("/paths/~1tools~1lookup_customer/post");
        assertEquals("string", lookup.at("/requestBody/content/application~1json/schema/properties/phone_number/type").asText());
        assertEquals("bearerAuth", lookup.at("/security/0").fieldNames().next());
        JsonNode availability = doc.at("/paths/~1tools~1check_availability/get");
        assertTrue(availability.path("requestBody").isMissingNode(), "GET arguments travel in the query");
        assertEquals("query", find(availability.path("parameters"), p -> p.path("name").asText().equals("service_type"))
                .path("in").asText());
        assertEquals("apiKey", availability.at("/security/0").fieldNames().next());
        assertEquals("X-API-Key", doc.at("/components/securitySchemes/apiKey/name").asText());
        assertEquals("JWT", doc.at("/components/securitySchemes/bearerAuth/bearerFormat").asText());
        assertEquals("#/components/responses/ToolError", lookup.at("/responses/404/$ref").asText());
        assertEquals("#/components/responses/ToolError", lookup.at("/responses/409/$ref").asText());
        assertTrue(lookup.path("responses").path("202").isMissingNode(), "only a job tool answers 202");
        assertEquals("object", lookup.at("/responses/200/content/application~1json/schema/properties/preferences/type").asText(),
                "the 200 answer is described by the tool's output schema");
        JsonNode report = doc.at("/paths/~1tools~1generate_account_report/post/responses/202");
        assertTrue(report.path("description").asText().contains("generate_account_report_status"), report.toString());
        assertEquals("job_id", report.at("/content/application~1json/schema/required/0").asText());
    }

    @Test
    void export_toAFile_writesItAndSaysSo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tools.json");

        CommandRun run = CommandRun.of("export", "--format", "mcp", "--output", file.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertTrue(run.err().contains("Wrote " + TOOL_COUNT + " tools as mcp to"), run.err());
        assertEquals(TOOL_COUNT, JSON.readTree(Files.readString(file)).path("tools").size());
    }

    @Test
    void export_unknownFormat_exitsWithTwoAndNamesTheFormats() {
        CommandRun run = CommandRun.of("export", "--format", "yaml");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Use --format hamsa, openai, mcp, openapi."), run.err());
    }

    @Test
    void callWithPaths_printsTheJsonPathOfEachValueOnStderr_andKeepsStdoutPureJson() throws IOException {
        CommandRun run = CommandRun.of("call", "lookup_customer", "--args", "{\"phone_number\": \"+971501234567\"}", "--paths");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("CUST-1001", JSON.readTree(run.out()).path("customer_id").asText(), "stdout parses as the result");
        assertTrue(run.err().contains("$.customer_id"), run.err());
        assertTrue(run.err().contains("$.preferences.preferred_contact_time"), run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.contains("$.name") && l.contains("\"Layla Haddad\"")), run.err());
    }

    @Test
    void callWithPaths_indexesArrays() throws IOException {
        CommandRun run = CommandRun.of("call", "check_availability", "--args",
                "{\"service_type\": \"repair\", \"start_date\": \"2027-01-04\"}", "--paths");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(JSON.readTree(run.out()).isObject());
        assertTrue(run.err().contains("[0]"), run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.contains("$.slots[0].service_type") && l.contains("\"repair\"")),
                "an enum result is spelled as the argument was: " + run.err());
    }

    private static JsonNode find(JsonNode array, Predicate<JsonNode> test) {
        for (JsonNode item : array) {
            if (test.test(item)) {
                return item;
            }
        }
        throw new AssertionError("no match in " + array);
    }

    private static Set<String> templateVariables(String path) {
        Set<String> names = new HashSet<>();
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Set<String> declaredPathParameters(JsonNode operation) {
        Set<String> names = new HashSet<>();
        for (JsonNode p : operation.path("parameters")) {
            if (p.path("in").asText().equals("path")) {
                names.add(p.path("name").asText());
            }
        }
        return names;
    }
}
