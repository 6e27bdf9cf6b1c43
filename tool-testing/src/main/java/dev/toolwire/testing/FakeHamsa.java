package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * A fake of Hamsa's web-tool REST API on a loopback port, for tests of a Toolwire sync (or of any
 * Hamsa client). Shaped like OkHttp's MockWebServer: start it, script it, run the code under test
 * against {@link #url()}, then verify the recorded requests and the stored tools.
 *
 * <pre>{@code
 * try (FakeHamsa hamsa = FakeHamsa.start("test-key")) {
 *     hamsa.failNext(1, 503);                       // the first request fails
 *     // run the sync with toolwire.hamsa.base-url = hamsa.url(), toolwire.hamsa.api-key = test-key
 *     assertEquals(8, hamsa.tools().size());
 *     assertEquals("Token test-key", hamsa.takeRequest().header("Authorization").orElseThrow());
 * }
 * }</pre>
 *
 * <p>Hamsa's documentation describes two wire shapes; a fake serves exactly one, its {@link
 * Dialect}, and rejects the other's routes (404) and top-level body members (400), so a client that
 * speaks the wrong one is caught. Both model {@code Authorization: Token <key>} (else 401, code
 * 10403); the envelope {@code {success, data}} / {@code {success: false, error: {code, message,
 * details}}}; list (1-based page {@code skip}, page size {@code take}, {@code search}, {@code
 * isActive}; {@code data: {items, total, filtered}}); create (answered 201) and update (which adds a
 * version with a new {@code id}, {@code version + 1} and the same {@code persistentId}), both
 * validated (400, code 10400); and {@code POST /v1/voice-agents/web-tool/toggle-activation} with
 * {@code {id, isActive}} (a guess). {@link Dialect#REFERENCE} serves them under {@code
 * /v2/voice-agents/web-tool} (and {@code /v1}, with get-one, and {@code POST
 * /v2/voice-agents/web-tool/version-check}) with the reference's nested {@code toolSettings}; {@link
 * Dialect#GUIDE} under {@code /v2/web-tool} with the guide's flat tool. The module README details
 * both, and which parts are guesses.
 *
 * <p>In either dialect a fake also serves:
 *
 * <ul>
 *   <li>voice agents ({@link #agents()}): list, get and {@code PATCH} under {@code /v2/voice-agents}
 *       or {@code /v1/voice-agents}, whichever {@link FakeAgents.AgentApi} is chosen. A {@code PATCH}
 *       replaces the whole agent (a guess) and must attach only stored tool versions;
 *   <li>{@code GET /v1/projects/by-api-key}, the key's project ({@link #projectId()});
 *   <li>{@code POST /v1/voice-agents/web-tool/test-api-tool}, which really calls the URL it is given
 *       (record: {@link #testCalls()}) and streams the outcome as events in a scriptable format
 *       ({@link #testStream(TestStream)}); only the first event, {@code attempt}, is documented.
 * </ul>
 *
 * <p>Besides failures, latency and rate limits, a fake can be scripted into server behaviours a
 * robust client must cope with: {@link #listSupersededVersions}, {@link #skipIsOffset}, {@link
 * #capTake}, {@link #omitTotal}, {@link #maskSecrets}, {@link #successFalseOnSuccess}, {@link
 * #omitCreatedAt} and {@link #basePath}; all off until scripted and after {@link #reset()}. {@link
 * #beforeList} holds lists so that concurrent clients interleave in a known order. Thread-safe.
 */
public final class FakeHamsa implements AutoCloseable {

    /** The wire shape a fake speaks; Hamsa's documentation describes both. */
    public enum Dialect {
        /** The API reference pages: {@code /v2/voice-agents/web-tool...}, {@code params}, nested {@code toolSettings}. */
        REFERENCE,
        /**
         * The integration guide: {@code /v2/web-tool...}, a flat tool with {@code url}, {@code authType},
         * {@code headers: [{name, value}]}, {@code pathParameters: [{name, defaultValue}]}, {@code
         * parameters} and {@code timeoutSeconds}.
         */
        GUIDE
    }

    private final String apiKey;
    private final Dialect dialect;
    private final ToolDialect rules;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ToolStore store;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final RequestLog requestLog = new RequestLog();
    private final StatusQueue failures = new StatusQueue();
    private final StatusQueue failuresAfterCommit = new StatusQueue();
    private final Quirks quirks = new Quirks();
    private final FakeAgents agents;
    private final ApiToolTester tester = new ApiToolTester(json);
    private volatile Duration latency = Duration.ZERO;
    private volatile @Nullable RateWindow rateWindow;

    private FakeHamsa(String apiKey, Dialect dialect) throws IOException {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.rules = ToolDialect.of(dialect);
        Clock clock = Clock.systemUTC();
        this.store = new ToolStore(clock, rules::answerFields);
        this.agents = new FakeAgents(clock, json);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-hamsa");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        List<Endpoints> endpoints = List.of(new WebToolEndpoints(rules, store, quirks, tester),
                new AgentEndpoints(agents, store, rules, quirks));
        server.createContext("/", new FakeHamsaHandler(this, endpoints, json, clock));
        server.start();
    }

    /**
     * Starts a fake speaking the {@link Dialect#REFERENCE reference} dialect on a free loopback port
     * that accepts {@code Authorization: Token <apiKey>}.
     *
     * @param apiKey the only key it accepts
     * @return the running fake; close it when done
     */
    public static FakeHamsa start(String apiKey) {
        return start(apiKey, Dialect.REFERENCE);
    }

    /**
     * Starts a fake speaking {@code dialect} on a free loopback port that accepts {@code
     * Authorization: Token <apiKey>}.
     *
     * @param apiKey the only key it accepts
     * @param dialect the routes and tool shape it serves
     * @return the running fake; close it when done
     */
    public static FakeHamsa start(String apiKey, Dialect dialect) {
        try {
            return new FakeHamsa(apiKey, dialect);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the fake Hamsa server", e);
        }
    }

    /**
     * The base URL to configure as {@code toolwire.hamsa.base-url}, e.g. {@code http://127.0.0.1:41234},
     * or {@code http://127.0.0.1:41234/hamsa} after {@link #basePath(String) basePath("/hamsa")}.
     *
     * @return the URL, without a trailing slash
     */
    public URI url() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + quirks.basePath);
    }

    /**
     * The key this fake accepts.
     *
     * @return the key
     */
    public String apiKey() {
        return apiKey;
    }

    /**
     * The wire shape this fake speaks, fixed when it started.
     *
     * @return the dialect
     */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * The project of the fake's key, as {@code GET /v1/projects/by-api-key} answers it ({@code
     * data.id}); test-api-tool requires it as {@code projectId}, and every tool carries it.
     *
     * @return the project id
     */
    public String projectId() {
        return ToolStore.PROJECT_ID;
    }

    /**
     * The fake's voice agents: seed them, choose the agent API served ({@link FakeAgents.AgentApi}),
     * read back what a client wrote.
     *
     * @return the agents of this fake (the same object every time)
     */
    public FakeAgents agents() {
        return agents;
    }

    /**
     * Chooses how test-api-tool streams its answer; Hamsa documents only the first event, so a
     * client should be tested against each format.
     *
     * @param format the format; {@link TestStream#SSE} until set, and again after {@link #reset()}
     * @return this fake
     */
    public FakeHamsa testStream(TestStream format) {
        tester.format(format);
        return this;
    }

    /**
     * Every HTTP call test-api-tool made, oldest first: what the fake sent to the tool and what came
     * back. The incoming test-api-tool requests themselves are in {@link #requests()}.
     *
     * @return a copy of the list
     */
    public List<TestCall> testCalls() {
        return tester.calls();
    }

    /**
     * Adds a tool as if someone had created it in the dashboard, without recording a request. The
     * body is a create request in the fake's dialect (reference: {@code {type, name, description,
     * async, toolSettings, params, messages}}; guide: {@code {name, description, methodType, url,
     * authType, async, ...}}) and is validated like one.
     *
     * @param createBody the create request body as JSON
     * @return the stored tool, with its {@code id}, {@code persistentId} and {@code version}
     * @throws IllegalArgumentException when the body breaks a rule, naming the rules
     */
    public ObjectNode seed(String createBody) {
        try {
            JsonNode body = json.readTree(createBody);
            List<String> problems = rules.problems(body);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Invalid web tool: " + String.join("; ", problems));
            }
            return store.create(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Makes the next {@code count} requests fail with {@code status} before anything is done
     * (before the key is even checked), in Hamsa's error envelope.
     *
     * @param count how many requests fail
     * @param status the status, e.g. 503 or 500
     * @return this fake
     */
    public FakeHamsa failNext(int count, int status) {
        failures.add(count, status);
        return this;
    }

    /**
     * Makes the next request fail with {@code status}; the same as {@code failNext(1, status)}.
     *
     * @param status the status
     * @return this fake
     */
    public FakeHamsa enqueueFailure(int status) {
        return failNext(1, status);
    }

    /**
     * Makes the next {@code count} successful writes (create, update, toggle) take effect and then
     * answer {@code status} anyway: what a client sees when its request succeeded on the server but
     * the answer was lost. A client that simply retries a create will create the tool twice.
     *
     * @param count how many writes are affected
     * @param status the status answered, e.g. 503 or 504
     * @return this fake
     */
    public FakeHamsa failNextAfterCommit(int count, int status) {
        failuresAfterCommit.add(count, status);
        return this;
    }

    /**
     * Delays every answer by {@code delay}, after the request took effect.
     *
     * @param delay the delay; {@link Duration#ZERO} for none
     * @return this fake
     */
    public FakeHamsa latency(Duration delay) {
        this.latency = Objects.requireNonNull(delay, "delay");
        return this;
    }

    /**
     * Allows {@code limit} requests per fixed {@code window}; more are answered 429 (code 10429) with
     * {@code Retry-After} (whole seconds). Every answer then carries {@code X-RateLimit-Limit},
     * {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (epoch seconds). Hamsa documents
     * 100 per minute.
     *
     * @param limit requests per window
     * @param window the window
     * @return this fake
     */
    public FakeHamsa rateLimit(int limit, Duration window) {
        this.rateWindow = new RateWindow(limit, window, Clock.systemUTC());
        return this;
    }

    /**
     * Makes list answers include every version record of every tool as an item of its own (an old
     * version keeps its own {@code id}, {@code version} and the {@code isActive} it had), in the
     * order the records were made, instead of only the latest version of each tool. {@link #tools()}
     * and {@link #tool(String)} still return latest versions, and a write naming an old version's id
     * still acts on the tool's latest version.
     *
     * @param enabled whether lists show superseded versions
     * @return this fake
     */
    public FakeHamsa listSupersededVersions(boolean enabled) {
        quirks.listSupersededVersions = enabled;
        return this;
    }

    /**
     * Makes list's {@code skip} a 0-based item offset instead of a 1-based page number: {@code skip=0}
     * (the default then) is the first item, a negative {@code skip} is answered 400.
     *
     * @param enabled whether {@code skip} is an offset
     * @return this fake
     */
    public FakeHamsa skipIsOffset(boolean enabled) {
        quirks.skipIsOffset = enabled;
        return this;
    }

    /**
     * Makes list pages hold at most {@code max} items whatever {@code take} asks for; with a
     * page-number {@code skip}, page <i>n</i> then starts at item <i>(n - 1) · max</i>.
     *
     * @param max the most items a page holds; 0 or negative for no cap
     * @return this fake
     */
    public FakeHamsa capTake(int max) {
        quirks.takeCap = Math.max(0, max);
        return this;
    }

    /**
     * Makes list answers leave out {@code total} and {@code filtered}: {@code data} is {@code {items}}.
     *
     * @param enabled whether totals are left out
     * @return this fake
     */
    public FakeHamsa omitTotal(boolean enabled) {
        quirks.omitTotal = enabled;
        return this;
    }

    /**
     * Makes every answer that contains a tool (list, create, update, toggle, get) mask credentials:
     * an {@code authToken} starting with {@code "Bearer "} reads {@code "Bearer ****"}, any other
     * token {@code "****"}, and every header value {@code "****"} (reference: {@code
     * toolSettings.httpHeaders} values; guide: {@code headers[].value}). The stored tools ({@link
     * #tools()}, {@link #tool(String)}, {@link #versions(String)}) keep the real values.
     *
     * @param enabled whether answers mask credentials
     * @return this fake
     */
    public FakeHamsa maskSecrets(boolean enabled) {
        quirks.maskSecrets = enabled;
        return this;
    }

    /**
     * Makes every successful answer in Hamsa's envelope carry {@code "success": false, "message":
     * "success"} instead of {@code "success": true}, the artefact of Hamsa's v1 examples. Errors are
     * unchanged, and so is test-api-tool's progress event, which has no envelope.
     *
     * @param enabled whether successes say {@code success: false}
     * @return this fake
     */
    public FakeHamsa successFalseOnSuccess(boolean enabled) {
        quirks.successFalseOnSuccess = enabled;
        return this;
    }

    /**
     * Makes every answer that contains a web tool (list, create, update, toggle, get) leave out its
     * {@code createdAt}, as a server that does not say when a tool was made would. The stored tools
     * ({@link #tools()}, {@link #tool(String)}, {@link #versions(String)}) keep it.
     *
     * @param enabled whether answers leave out {@code createdAt}
     * @return this fake
     */
    public FakeHamsa omitCreatedAt(boolean enabled) {
        quirks.omitCreatedAt = enabled;
        return this;
    }

    /**
     * Runs {@code hook} on the serving thread before each web-tool list request (with or without
     * {@code search}) is answered, after the key check and before the list is read, so it sees the
     * writes made while it ran. For tests of clients running at the same time: a hook that waits on a
     * latch or a condition holds lists until other clients have written, so their requests interleave
     * in a known order. The hook may block; other requests are served meanwhile, and a list it holds
     * is not answered until it returns, so bound its waits. An exception it throws is not caught.
     *
     * <pre>{@code
     * hamsa.beforeList(() -> awaitUntil(() -> hamsa.tools().size() >= 6));  // lists wait for six tools
     * }</pre>
     *
     * @param hook what to run, or {@code null} for nothing (also after {@link #reset()})
     * @return this fake
     */
    public FakeHamsa beforeList(@Nullable Runnable hook) {
        quirks.beforeList = hook;
        return this;
    }

    /**
     * Serves every route only under {@code prefix}, e.g. {@code "/hamsa"} for {@code
     * /hamsa/v2/voice-agents/web-tool/list}, as behind a gateway; requests without it answer 404
     * (code 10404). {@link #url()} then includes the prefix; recorded paths are as received.
     *
     * @param prefix the prefix: empty (or {@code "/"}) for none, else starting with {@code /}; a
     *     trailing {@code /} is dropped
     * @return this fake
     * @throws IllegalArgumentException when the prefix does not start with {@code /} or has a query
     *     or fragment
     */
    public FakeHamsa basePath(String prefix) {
        String trimmed = Objects.requireNonNull(prefix, "prefix").replaceAll("/+$", "");
        if (!trimmed.isEmpty() && (!trimmed.startsWith("/") || trimmed.contains("?") || trimmed.contains("#"))) {
            throw new IllegalArgumentException("A base path starts with / and has no query or fragment: " + prefix);
        }
        quirks.basePath = trimmed;
        return this;
    }

    /**
     * Every request received so far, oldest first, including the ones {@link #takeRequest()} took.
     *
     * @return a copy of the list
     */
    public List<RecordedRequest> requests() {
        return requestLog.all();
    }

    /**
     * Removes and returns the oldest request not yet taken.
     *
     * @return the request, or {@code null} when there is none
     */
    public @Nullable RecordedRequest takeRequest() {
        return requestLog.take();
    }

    /**
     * The latest version of every tool, oldest tool first, active or not.
     *
     * @return copies of the stored tools (answer shape of the fake's dialect, never masked)
     */
    public List<ObjectNode> tools() {
        return store.latest(null, null);
    }

    /**
     * The latest version of a tool by name.
     *
     * @param name the tool name
     * @return a copy of the tool, or empty
     */
    public Optional<ObjectNode> tool(String name) {
        return tools().stream().filter(t -> t.path("name").asText().equals(name)).findFirst();
    }

    /**
     * Every stored version record of the tool(s) whose latest version is named {@code name}, oldest
     * record first; each keeps its own {@code id}, {@code version} and {@code isActive}.
     *
     * @param name the tool name
     * @return copies of the records (answer shape, never masked); empty when no tool has that name
     */
    public List<ObjectNode> versions(String name) {
        return store.versions(name);
    }

    /**
     * Replaces one top-level member of a stored tool's latest version with any JSON, unvalidated, as
     * a platform bug or an undocumented shape would leave it; every later answer carries it. For
     * testing that a client reads such an item liberally, or reports it and leaves it alone.
     *
     * @param name the tool name
     * @param member the member, e.g. {@code toolSettings} or {@code headers}
     * @param json the new value as JSON, e.g. {@code ""not an object""}
     * @return this fake
     * @throws IllegalArgumentException when no tool has that name or the value is not JSON
     */
    public FakeHamsa corrupt(String name, String member, String json) {
        JsonNode value;
        try {
            value = this.json.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getMessage(), e);
        }
        if (!store.replaceMember(name, member, value)) {
            throw new IllegalArgumentException("No tool named " + name);
        }
        return this;
    }

    /**
     * How many tool records exist, every version counted.
     *
     * @return the number of records
     */
    public int versionCount() {
        return store.versionCount();
    }

    /**
     * Forgets every tool, agent, request, test call, scripted failure, latency, rate limit and
     * scripted behaviour (including the base path, the list hook, the agent API and the test stream format); the
     * dialect stays.
     */
    public void reset() {
        store.clear();
        agents.clear();
        tester.clear();
        requestLog.clear();
        failures.clear();
        failuresAfterCommit.clear();
        quirks.clear();
        latency = Duration.ZERO;
        rateWindow = null;
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    Optional<RateWindow> rateWindow() {
        return Optional.ofNullable(rateWindow);
    }

    StatusQueue failures() {
        return failures;
    }

    StatusQueue failuresAfterCommit() {
        return failuresAfterCommit;
    }

    Quirks quirks() {
        return quirks;
    }

    RequestLog requestLog() {
        return requestLog;
    }

    void pause() {
        Duration delay = latency;
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
