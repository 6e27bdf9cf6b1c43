package dev.toolwire.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MCP endpoint through the MCP Java SDK's own client over Streamable HTTP: initialize, the tool
 * list with input and output schemas, calls through Toolwire's invoker (results, tool failures as
 * {@code isError}, validation), per-tool JWT scopes, and the transport's answers to bad sessions.
 */
@MicronautTest
@Property(name = "spec.name", value = "McpEndpointTest")
@Property(name = "toolwire.mcp.enabled", value = "true")
@Property(name = "toolwire.auth.default", value = "jwt")
@Property(name = "toolwire.auth.jwt.secret", value = McpEndpointTest.SECRET)
class McpEndpointTest {

    static final String SECRET = "mcp-endpoint-test-secret-of-at-least-32-bytes";

    @Inject
    EmbeddedServer server;

    @Test
    void listsTheToolsWithTheirSchemas() {
        try (McpSyncClient client = client(token("lookup_customer", "greet"))) {
            McpSchema.Tool lookup = client.listTools().tools().stream()
                    .filter(t -> t.name().equals("lookup_customer")).findFirst().orElseThrow();
            assertEquals("Finds a customer by phone.", lookup.description());
            assertEquals(List.of("phone_number"), lookup.inputSchema().get("required"));
            assertTrue(String.valueOf(lookup.outputSchema()).contains("customer_id"), String.valueOf(lookup.outputSchema()));
        }
    }

    @Test
    void aCallAnswersTheResultAsTextAndStructuredContent() {
        try (McpSyncClient client = client(token("lookup_customer"))) {
            McpSchema.CallToolResult result = client.callTool(
                    request("lookup_customer", Map.of("phone_number", "+971501234567")));
            assertFalse(Boolean.TRUE.equals(result.isError()), String.valueOf(result));
            assertEquals(Map.of("customer_id", "CUST-1001", "tier", "gold"), result.structuredContent());
            assertTrue(text(result).contains("\"customer_id\":\"CUST-1001\""), text(result));
        }
    }

    @Test
    void aToolFailureIsAnErrorResultWithTheSpeakableSentence() {
        try (McpSyncClient client = client(token("lookup_customer"))) {
            McpSchema.CallToolResult unknown = client.callTool(
                    request("lookup_customer", Map.of("phone_number", "+971500000000")));
            assertTrue(unknown.isError());
            assertEquals("I could not find a customer with that number.", text(unknown));
            McpSchema.CallToolResult malformed = client.callTool(
                    request("lookup_customer", Map.of("phone_number", "12")));
            assertTrue(malformed.isError());
            assertTrue(text(malformed).contains("phone_number"), text(malformed));
        }
    }

    @Test
    void aTokenForAnotherToolIsRefusedTheCall() {
        try (McpSyncClient client = client(token("greet"))) {
            assertEquals(Map.of("result", "Hello, Ada."),
                    client.callTool(request("greet", Map.of("name", "Ada"))).structuredContent());
            McpSchema.CallToolResult refused = client.callTool(
                    request("lookup_customer", Map.of("phone_number", "+971501234567")));
            assertTrue(refused.isError(), String.valueOf(refused));
            assertFalse(text(refused).contains("CUST-1001"), text(refused));
        }
    }

    @Test
    void theToolListShowsOnlyTheToolsTheTokenAllows() {
        try (McpSyncClient client = client(token("greet"))) {
            assertEquals(List.of("greet"), client.listTools().tools().stream().map(McpSchema.Tool::name).toList());
        }
        try (McpSyncClient client = client(token("*"))) {
            assertEquals(List.of("greet", "lookup_customer"),
                    client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList());
        }
    }

    @Test
    void noTokenOrAnExpiredOneIsRefusedOnTheTransport() throws Exception {
        assertThrows(RuntimeException.class, () -> client(null).close(), "the SDK client cannot initialize without a token");
        assertThrows(RuntimeException.class, () -> client(token(Instant.now().minusSeconds(60), "greet")).close(),
                "nor with an expired one");
        HttpResponse<String> refused = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base() + "/mcp")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, refused.statusCode(), refused.body());
        String challenge = refused.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer ") && challenge.contains("resource_metadata=\"" + base()
                + "/.well-known/oauth-protected-resource\""), challenge);
        HttpResponse<String> metadata = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base() + "/.well-known/oauth-protected-resource")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metadata.statusCode());
        assertTrue(metadata.body().contains("\"resource\":\"" + base() + "/mcp\""), metadata.body());
        assertTrue(metadata.body().contains("tool:lookup_customer"), metadata.body());
    }

    @Test
    void aMessageWithoutOrWithAnUnknownSessionIsRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String list = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
        HttpResponse<String> noSession = http.send(post(list, null), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, noSession.statusCode(), noSession.body());
        HttpResponse<String> unknown = http.send(post(list, "no-such-session"), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode(), unknown.body());
        HttpResponse<String> garbage = http.send(post("{not json", null), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, garbage.statusCode(), garbage.body());
        assertTrue(garbage.body().contains("-32700"), garbage.body());
    }

    private HttpRequest post(String body, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + token("greet"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return request.build();
    }

    private String base() {
        return "http://localhost:" + server.getPort();
    }

    /** An initialized SDK client sending a token, or none. */
    private McpSyncClient client(String token) {
        HttpRequest.Builder requests = HttpRequest.newBuilder();
        if (token != null) {
            requests.header("Authorization", "Bearer " + token);
        }
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base())
                .endpoint("/mcp")
                .requestBuilder(requests)
                .build();
        McpSyncClient client = McpClient.sync(transport).build();
        client.initialize();
        return client;
    }

    private static McpSchema.CallToolRequest request(String tool, Map<String, Object> arguments) {
        return McpSchema.CallToolRequest.builder(tool).arguments(arguments).build();
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    private static String token(String... tools) {
        return token(Instant.now().plusSeconds(600), tools);
    }

    private static String token(Instant expiry, String... tools) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("toolwire").audience("hamsa").subject("mcp-test")
                    .expirationTime(Date.from(expiry))
                    .claim("scope", String.join(" ", java.util.Arrays.stream(tools).map(t -> "tool:" + t).toList()))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
