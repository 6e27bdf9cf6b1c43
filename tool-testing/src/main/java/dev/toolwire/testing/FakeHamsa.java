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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
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
 * <p>What it models (from Hamsa's published reference, see the module README): {@code Authorization:
 * Token <key>} (else 401, code 10403); list ({@code GET /v2/voice-agents/web-tool/list}, 1-based page
 * {@code skip}, page size {@code take}, {@code search}, {@code isActive}; {@code data: {items, total,
 * filtered}}); create ({@code POST /v2/voice-agents/web-tool}, answered 201) and update ({@code PATCH
 * /v2/voice-agents/web-tool/{id}}, which adds a version with a new {@code id}, {@code version + 1} and
 * the same {@code persistentId}), both validated (400, code 10400); get one ({@code GET
 * /v1/voice-agents/web-tool/{id}}); toggle-activation ({@code POST
 * /v1/voice-agents/web-tool/toggle-activation} with {@code {id, isActive}}, a guess); the v1 paths of
 * list, create and update; and the envelope {@code {success, data}} / {@code {success: false, error:
 * {code, message, details}}}. Thread-safe.
 */
public final class FakeHamsa implements AutoCloseable {

    private final String apiKey;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ToolStore store;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Deque<Integer> failures = new ArrayDeque<>();
    private final Deque<Integer> failuresAfterCommit = new ArrayDeque<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile @Nullable RateWindow rateWindow;
    private int taken;

    private FakeHamsa(String apiKey) throws IOException {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        Clock clock = Clock.systemUTC();
        this.store = new ToolStore(json, clock);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-hamsa");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", new FakeHamsaHandler(this, json, clock));
        server.start();
    }

    /**
     * Starts a fake on a free loopback port that accepts {@code Authorization: Token <apiKey>}.
     *
     * @param apiKey the only key it accepts
     * @return the running fake; close it when done
     */
    public static FakeHamsa start(String apiKey) {
        try {
            return new FakeHamsa(apiKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the fake Hamsa server", e);
        }
    }

    /**
     * The base URL to configure as {@code toolwire.hamsa.base-url}, e.g. {@code http://127.0.0.1:41234}.
     *
     * @return the URL, without a trailing slash
     */
    public URI url() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
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
     * Adds a tool as if someone had created it in the dashboard, without recording a request. The
     * body is a create request ({@code {type, name, description, async, toolSettings, params,
     * messages}}) and is validated like one.
     *
     * @param createBody the create request body as JSON
     * @return the stored tool, with its {@code id}, {@code persistentId} and {@code version}
     * @throws IllegalArgumentException when the body breaks a rule, naming the rules
     */
    public ObjectNode seed(String createBody) {
        try {
            JsonNode body = json.readTree(createBody);
            List<String> problems = WebToolValidator.problems(body);
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
        return enqueue(failures, count, status);
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
        return enqueue(failuresAfterCommit, count, status);
    }

    private FakeHamsa enqueue(Collection<Integer> queue, int count, int status) {
        synchronized (queue) {
            for (int i = 0; i < count; i++) {
                queue.add(status);
            }
        }
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
     * Every request received so far, oldest first, including the ones {@link #takeRequest()} took.
     *
     * @return a copy of the list
     */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /**
     * Removes and returns the oldest request not yet taken.
     *
     * @return the request, or {@code null} when there is none
     */
    public @Nullable RecordedRequest takeRequest() {
        synchronized (requests) {
            return taken < requests.size() ? requests.get(taken++) : null;
        }
    }

    /**
     * The latest version of every tool, oldest tool first, active or not.
     *
     * @return copies of the stored tools (response shape)
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
     * How many tool records exist, every version counted.
     *
     * @return the number of records
     */
    public int versionCount() {
        return store.versionCount();
    }

    /** Forgets every tool, request, scripted failure, latency and rate limit. */
    public void reset() {
        store.clear();
        synchronized (requests) {
            requests.clear();
            taken = 0;
        }
        synchronized (failures) {
            failures.clear();
        }
        synchronized (failuresAfterCommit) {
            failuresAfterCommit.clear();
        }
        latency = Duration.ZERO;
        rateWindow = null;
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    ToolStore store() {
        return store;
    }

    Optional<RateWindow> rateWindow() {
        return Optional.ofNullable(rateWindow);
    }

    @Nullable Integer nextFailure() {
        synchronized (failures) {
            return failures.poll();
        }
    }

    @Nullable Integer nextFailureAfterCommit() {
        synchronized (failuresAfterCommit) {
            return failuresAfterCommit.poll();
        }
    }

    void record(RecordedRequest request) {
        synchronized (requests) {
            requests.add(request);
        }
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
