package dev.toolwire.mcp;

import dev.toolwire.runtime.store.ExpiringMap;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.modelcontextprotocol.common.McpTransportContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The MCP Streamable HTTP transport on Micronaut's HTTP server, at {@code toolwire.mcp.path}: the glue
 * between the requests and the MCP Java SDK's sessions, which hold the protocol. {@code initialize}
 * starts a session and answers its id in {@code Mcp-Session-Id}; every later message names it. A
 * request is answered with one JSON object (the transport lets a server choose JSON over an event
 * stream); notifications and responses from the client are accepted with {@code 202}; {@code DELETE}
 * ends a session. The server opens no stream of its own ({@code GET} answers {@code 405}), which the
 * transport allows. A request whose credential allows no tool is refused with {@code 401} and a
 * challenge naming the resource metadata ({@link McpAccess}); a tool list shows only the tools the
 * credential allows. Sessions are bounded in number ({@code toolwire.mcp.max-sessions}, least recently
 * used forgotten first) and in idle time ({@code toolwire.mcp.session-idle-timeout}); their ids are
 * the SDK's random UUIDs.
 */
@Controller("${toolwire.mcp.path:/mcp}")
@Requires(property = McpConfiguration.PREFIX + ".enabled", value = "true")
@Internal
public final class McpEndpoint implements McpStreamableServerTransportProvider {

    /** The header that carries the session id. */
    static final String SESSION_HEADER = "Mcp-Session-Id";
    /** The transport context key under which a call finds the HTTP request it came in (for its credentials). */
    static final String REQUEST = "toolwire.request";
    /** How MCP messages are read and written: Jackson, through the SDK's own binding. */
    static final McpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());

    private final McpAccess access;
    private final ExpiringMap<String, McpStreamableServerSession> sessions;
    private final long idleMillis;
    private volatile McpStreamableServerSession.@Nullable Factory sessionFactory;

    McpEndpoint(McpConfiguration config, McpAccess access) {
        this.access = access;
        this.sessions = new ExpiringMap<>(config.maxSessions());
        this.idleMillis = config.sessionIdleTimeout().toMillis();
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Mono.empty(); // The tool list never changes while the server runs: there is nothing to announce.
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.empty();
    }

    /**
     * Takes one JSON-RPC message.
     *
     * @param request the HTTP request
     * @param body the message
     * @return the answer: a JSON-RPC response, {@code 202} for a notification, or an error
     */
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    CompletableFuture<MutableHttpResponse<?>> post(HttpRequest<?> request, @Body String body) {
        if (!access.allowsAny(request)) {
            return done(error(HttpStatus.UNAUTHORIZED, null, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "Send a bearer token for at least one tool (or the tools' header credential).")
                    .header(HttpHeaders.WWW_AUTHENTICATE, access.challenge(request)));
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(JSON, body);
        } catch (IOException | IllegalArgumentException e) {
            return done(error(HttpStatus.BAD_REQUEST, null, McpSchema.ErrorCodes.PARSE_ERROR,
                    "The body is not a JSON-RPC message."));
        }
        McpTransportContext context = McpTransportContext.create(Map.of(REQUEST, request));
        if (message instanceof McpSchema.JSONRPCRequest call && McpSchema.METHOD_INITIALIZE.equals(call.method())) {
            return done(initialize(call));
        }
        String sessionId = request.getHeaders().get(SESSION_HEADER);
        McpStreamableServerSession session = sessionId == null ? null : touch(sessionId);
        if (session == null) {
            return done(sessionId == null
                    ? error(HttpStatus.BAD_REQUEST, idOf(message), McpSchema.ErrorCodes.INVALID_REQUEST,
                            "Send the Mcp-Session-Id that initialize answered.")
                    : error(HttpStatus.NOT_FOUND, idOf(message), McpSchema.ErrorCodes.INVALID_REQUEST,
                            "This session has ended; initialize a new one."));
        }
        if (message instanceof McpSchema.JSONRPCRequest call) {
            // Only a tool list needs every tool's verdict on the credential; a call is checked for its tool.
            JsonAnswer answer = new JsonAnswer(
                    McpSchema.METHOD_TOOLS_LIST.equals(call.method()) ? access.allowed(request) : null);
            McpStreamableServerSession.McpStreamableServerSessionStream stream = session.responseStream(answer);
            stream.handle(call)
                    .contextWrite(c -> c.put(McpTransportContext.KEY, context))
                    .doFinally(signal -> stream.releaseTransport())
                    .subscribe(null, answer.response::completeExceptionally);
            return answer.response.thenApply(response -> HttpResponse.ok(write(response)));
        }
        Mono<Void> accepted = message instanceof McpSchema.JSONRPCNotification notification
                ? session.accept(notification) : session.accept((McpSchema.JSONRPCResponse) message);
        accepted.contextWrite(c -> c.put(McpTransportContext.KEY, context)).block();
        return done(HttpResponse.status(HttpStatus.ACCEPTED));
    }

    /**
     * The server opens no stream of its own.
     *
     * @return {@code 405}
     */
    @Get(produces = {MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_JSON})
    MutableHttpResponse<?> stream() {
        return HttpResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", "POST, DELETE");
    }

    /**
     * Ends a session.
     *
     * @param request the request naming it
     * @return {@code 200}, or {@code 404} for a session that has ended
     */
    @Delete
    @ExecuteOn(TaskExecutors.BLOCKING)
    MutableHttpResponse<?> end(HttpRequest<?> request) {
        String sessionId = request.getHeaders().get(SESSION_HEADER);
        McpStreamableServerSession session = sessionId == null ? null : sessions.remove(sessionId);
        if (session == null) {
            return HttpResponse.status(HttpStatus.NOT_FOUND);
        }
        session.delete().block();
        return HttpResponse.ok();
    }

    private MutableHttpResponse<?> initialize(McpSchema.JSONRPCRequest call) {
        McpStreamableServerSession.Factory factory = sessionFactory;
        if (factory == null) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, call.id(), McpSchema.ErrorCodes.INTERNAL_ERROR,
                    "The MCP server is starting; try again in a moment.");
        }
        McpSchema.InitializeRequest parameters = JSON.convertValue(call.params(), new TypeRef<>() { });
        McpStreamableServerSession.McpStreamableServerSessionInit init = factory.startSession(parameters);
        String id = init.session().getId();
        long now = System.currentTimeMillis();
        sessions.put(id, init.session(), now, now + idleMillis);
        McpSchema.InitializeResult result = init.initResult().block();
        return HttpResponse.ok(write(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, call.id(), result, null)))
                .header(SESSION_HEADER, id);
    }

    /** The live session of an id, its idle time restarted. */
    private @Nullable McpStreamableServerSession touch(String sessionId) {
        long now = System.currentTimeMillis();
        McpStreamableServerSession session = sessions.get(sessionId, now);
        if (session != null) {
            sessions.put(sessionId, session, now, now + idleMillis);
        }
        return session;
    }

    /** A JSON-RPC error; its id is {@code null} when the message had none or could not be read, as JSON-RPC says. */
    private MutableHttpResponse<?> error(HttpStatus status, @Nullable Object id, int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        error.put("id", id);
        error.put("error", Map.of("code", code, "message", message));
        return HttpResponse.status(status).body(write(error)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private String write(Object message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write an MCP message", e);
        }
    }

    private static @Nullable Object idOf(McpSchema.JSONRPCMessage message) {
        return message instanceof McpSchema.JSONRPCRequest call ? call.id() : null;
    }

    private static CompletableFuture<MutableHttpResponse<?>> done(MutableHttpResponse<?> response) {
        return CompletableFuture.completedFuture(response);
    }

    /**
     * Where the SDK's session writes the answer to one request: its response completes the HTTP answer.
     * Messages the session sends before it (progress, logs) have no stream to go to in a JSON answer.
     */
    private static final class JsonAnswer implements McpStreamableServerTransport {
        final CompletableFuture<McpSchema.JSONRPCMessage> response = new CompletableFuture<>();
        /** For a tool list: the tools the caller may see; {@code null} for any other answer. */
        private final @Nullable Set<String> visibleTools;

        JsonAnswer(@Nullable Set<String> visibleTools) {
            this.visibleTools = visibleTools;
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return sendMessage(message, null);
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, @Nullable String messageId) {
            if (message instanceof McpSchema.JSONRPCResponse answer) {
                response.complete(visibleTools == null || answer.result() == null ? answer : onlyVisible(answer));
            }
            return Mono.empty();
        }

        /** The tool list without the tools the caller's credential does not allow. */
        private McpSchema.JSONRPCResponse onlyVisible(McpSchema.JSONRPCResponse answer) {
            McpSchema.ListToolsResult all = JSON.convertValue(answer.result(), new TypeRef<>() { });
            List<McpSchema.Tool> visible = all.tools().stream().filter(tool -> visibleTools.contains(tool.name())).toList();
            return new McpSchema.JSONRPCResponse(answer.jsonrpc(), answer.id(),
                    new McpSchema.ListToolsResult(visible, all.nextCursor(), all.meta()), null);
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return JSON.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(() -> response.completeExceptionally(
                    new IllegalStateException("The MCP session closed the request without answering")));
        }
    }
}
