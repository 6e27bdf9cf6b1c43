package dev.toolwire.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Calls over MCP spend the caller's rate-limit budget as HTTP calls do, and hear why when it is spent. */
@MicronautTest
@Property(name = "spec.name", value = "McpEndpointTest")
@Property(name = "toolwire.mcp.enabled", value = "true")
@Property(name = "toolwire.auth.default", value = "jwt")
@Property(name = "toolwire.auth.jwt.secret", value = McpEndpointTest.SECRET)
@Property(name = "toolwire.rate-limit.enabled", value = "true")
@Property(name = "toolwire.rate-limit.requests-per-minute", value = "2")
class McpRateLimitTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aCallerOverItsBudgetIsToldToTryLater() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("toolwire").audience("hamsa").subject("mcp-budget")
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).claim("scope", "tool:greet").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(McpEndpointTest.SECRET.getBytes(StandardCharsets.UTF_8)));
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://localhost:" + server.getPort()).endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + jwt.serialize())).build();
        try (McpSyncClient client = McpClient.sync(transport).build()) {
            client.initialize();
            McpSchema.CallToolRequest greet = McpSchema.CallToolRequest.builder("greet").arguments(Map.of("name", "Ada")).build();
            McpSchema.CallToolResult last = null;
            for (int i = 0; i < 3; i++) {
                last = client.callTool(greet);
            }
            assertTrue(last.isError(), String.valueOf(last));
            assertEquals("Tool call rejected: too many calls, please try again in a minute.",
                    ((McpSchema.TextContent) last.content().get(0)).text());
        }
    }
}
