package dev.toolwire.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.ToolException;
import dev.toolwire.runtime.ToolResult;
import dev.toolwire.runtime.auth.AuthenticatedCaller;
import dev.toolwire.runtime.auth.ToolAuthenticator;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.http.CallerRateLimiter;
import dev.toolwire.runtime.http.RateLimitKeys;
import dev.toolwire.runtime.invoke.DefaultToolContext;
import dev.toolwire.runtime.invoke.RegisteredTool;
import dev.toolwire.runtime.invoke.ToolCall;
import dev.toolwire.runtime.invoke.ToolInvoker;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpRequest;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The MCP server of the application's tools, built on the MCP Java SDK when the application starts:
 * each tool is listed with its description, its parameter schema as {@code inputSchema} and, for a
 * result that is an object, its output schema as {@code outputSchema}; a call is authenticated as an
 * HTTP call to that tool would be, is counted against the caller's rate limit when
 * {@code toolwire.rate-limit} is on, and runs through the same {@link ToolInvoker} (argument merging,
 * schema and Jakarta validation, timeout, retry safety). A success is the result as text and, where an
 * output schema describes it, as structured content; a tool's failure is a tool result with
 * {@code isError} and the sentence the caller would hear.
 */
@Singleton
@Requires(property = McpConfiguration.PREFIX + ".enabled", value = "true")
@Internal
public final class McpToolServer implements ApplicationEventListener<StartupEvent> {

    private final McpEndpoint endpoint;
    private final McpAccess access;
    private final ToolInvoker invoker;
    private final ToolAuthenticator authenticator;
    private final CallerRateLimiter rateLimiter;
    private final RateLimitKeys rateLimitKeys;
    private final String name;
    private volatile @Nullable McpAsyncServer server;

    McpToolServer(McpEndpoint endpoint, McpAccess access, ToolInvoker invoker, ToolAuthenticator authenticator,
            CallerRateLimiter rateLimiter, RateLimitKeys rateLimitKeys,
            @Value("${micronaut.application.name:toolwire}") String name) {
        this.rateLimiter = rateLimiter;
        this.rateLimitKeys = rateLimitKeys;
        this.endpoint = endpoint;
        this.access = access;
        this.invoker = invoker;
        this.authenticator = authenticator;
        this.name = name;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        List<McpServerFeatures.AsyncToolSpecification> tools = access.tools().stream().map(this::specification).toList();
        server = McpServer.async(endpoint)
                .jsonMapper(McpEndpoint.JSON)
                .serverInfo(name, "0.1.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .validateToolInputs(false) // Toolwire validates, with the messages its callers know
                .tools(tools)
                .build();
    }

    @PreDestroy
    void close() {
        McpAsyncServer running = server;
        if (running != null) {
            running.close();
        }
    }

    private McpServerFeatures.AsyncToolSpecification specification(RegisteredTool tool) {
        McpJsonMapper json = McpEndpoint.JSON;
        McpSchema.Tool.Builder described = McpSchema.Tool.builder(tool.name(), json, tool.parametersSchema())
                .description(tool.description());
        ObjectNode output = tool.structuredResultSchema();
        boolean structured = output != null;
        if (structured) {
            described.outputSchema(json, output.toString());
        }
        return McpServerFeatures.AsyncToolSpecification.builder()
                .tool(described.build())
                .callHandler((exchange, request) -> call(tool, structured, exchange, request))
                .build();
    }

    private Mono<McpSchema.CallToolResult> call(RegisteredTool tool, boolean structured, McpAsyncServerExchange exchange,
            McpSchema.CallToolRequest request) {
        HttpRequest<?> http = (HttpRequest<?>) exchange.transportContext().get(McpEndpoint.REQUEST);
        String requestId = "mcp-" + UUID.randomUUID();
        CompletableFuture<ToolResult> outcome;
        try {
            AuthenticatedCaller caller = authenticator.authenticate(http, tool);
            ObjectNode arguments = request.arguments() == null ? null : Json.MAPPER.valueToTree(request.arguments());
            DefaultToolContext context = new DefaultToolContext(requestId, tool.name(), Map::of, caller.subject(),
                    Instant.now().plusSeconds(tool.timeoutSeconds()));
            // Counted against the same per-credential budget as HTTP calls (toolwire.rate-limit.*).
            outcome = rateLimiter.acquire(rateLimitKeys.of(tool, http, caller)).thenCompose(decision ->
                    decision.isPresent() && !decision.get().allowed()
                            ? CompletableFuture.completedFuture(new ToolResult.Failure(decision.get().refusal()))
                            : invoker.startHere(tool, ToolCall.ofBody(arguments), context));
        } catch (ToolException e) { // a refused credential too: ToolAuthenticationException
            outcome = CompletableFuture.completedFuture(new ToolResult.Failure(e));
        }
        return Mono.fromFuture(outcome).map(result -> answer(structured, result));
    }

    private static McpSchema.CallToolResult answer(boolean structured, ToolResult result) {
        if (result instanceof ToolResult.Failure failure) {
            return McpSchema.CallToolResult.builder().addTextContent(failure.error().getMessage()).isError(true).build();
        }
        String text = new String(((ToolResult.Success) result).json(), StandardCharsets.UTF_8);
        McpSchema.CallToolResult.Builder answer = McpSchema.CallToolResult.builder().addTextContent(text).isError(false);
        if (structured) {
            answer.structuredContent(McpEndpoint.JSON, text);
        }
        return answer.build();
    }
}
