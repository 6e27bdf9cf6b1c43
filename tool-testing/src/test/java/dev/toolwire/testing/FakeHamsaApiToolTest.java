package dev.toolwire.testing;

import static dev.toolwire.testing.HamsaHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.toolwire.testing.HamsaHttp.Answer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** test-api-tool really calls a tool (a loopback server started here) and streams the outcome. */
class FakeHamsaApiToolTest {

    private static final String TEST = "/v1/voice-agents/web-tool/test-api-tool";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FakeHamsa HAMSA = FakeHamsa.start("k-test");
    private static final ExecutorService TOOL_THREADS = Executors.newCachedThreadPool();
    private static final HttpServer TOOL = tool();
    private static final List<Arrived> ARRIVED = new ArrayList<>();
    private static volatile int toolStatus = 400;
    private static volatile String toolAnswer = "{\"error\":\"INVALID_ARGUMENTS\"}";
    private static volatile long toolDelayMillis;
    private final HamsaHttp http = new HamsaHttp(HAMSA);

    /** A request that reached the tool. */
    record Arrived(String method, String uri, Map<String, String> headers, String body) {}

    private static HttpServer tool() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(TOOL_THREADS);
            server.createContext("/", FakeHamsaApiToolTest::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (ARRIVED) {
                ARRIVED.add(new Arrived(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
            }
            if (toolDelayMillis > 0) {
                try {
                    Thread.sleep(toolDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = toolAnswer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(toolStatus, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @BeforeEach
    void reset() {
        HAMSA.reset();
        synchronized (ARRIVED) {
            ARRIVED.clear();
        }
        toolStatus = 400;
        toolAnswer = "{\"error\":\"INVALID_ARGUMENTS\"}";
        toolDelayMillis = 0;
    }

    @AfterAll
    static void stop() {
        HAMSA.close();
        TOOL.stop(0);
        TOOL_THREADS.shutdownNow();
    }

    private static String toolUrl(String path) {
        return "http://127.0.0.1:" + TOOL.getAddress().getPort() + path;
    }

    private static String request(String serverUrl, String method, String more) {
        return json("{'projectId':'" + HAMSA.projectId() + "','serverUrl':'" + serverUrl + "','method':'" + method + "'"
                + more + "}");
    }

    private static Arrived arrived() {
        synchronized (ARRIVED) {
            assertEquals(1, ARRIVED.size(), ARRIVED.toString());
            return ARRIVED.get(0);
        }
    }

    /** The {@code event: name} / {@code data: json} pairs of a Server-Sent-Events body. */
    private static List<String[]> sse(String text) {
        assertTrue(text.endsWith("\n\n"), text);
        List<String[]> events = new ArrayList<>();
        for (String block : text.substring(0, text.length() - 2).split("\n\n", -1)) {
            String[] lines = block.split("\n", -1);
            assertEquals(2, lines.length, block);
            assertTrue(lines[0].startsWith("event: ") && lines[1].startsWith("data: "), block);
            events.add(new String[] {lines[0].substring(7), lines[1].substring(6)});
        }
        return events;
    }

    @Test
    void callsTheTool_asDescribed_andStreamsTheOutcome() throws Exception {
        Answer answer = http.post(TEST, request(toolUrl("/tools/orders"), "POST", json(",'authPrefix':'Bearer',"
                + "'authToken':'sk-1','timeout':2,'httpHeaders':{'X-Client':'hamsa','X-Retry':3},"
                + "'queryParams':{'filter':'active','q':'a b&c'},'body':{'orderId':'ORD-1'},'apiKey':'k','userId':'u'")));

        assertEquals(200, answer.status());
        assertEquals("text/event-stream", answer.raw().headers().firstValue("Content-Type").orElseThrow());
        Arrived arrived = arrived();
        assertEquals("POST", arrived.method());
        assertEquals("/tools/orders?filter=active&q=a+b%26c", arrived.uri());
        assertEquals("Bearer sk-1", arrived.headers().get("authorization"));
        assertEquals("hamsa", arrived.headers().get("x-client"));
        assertEquals("3", arrived.headers().get("x-retry"));
        assertEquals("application/json", arrived.headers().get("content-type"));
        assertEquals(JSON.readTree("{\"orderId\":\"ORD-1\"}"), JSON.readTree(arrived.body()));

        List<String[]> events = sse(answer.text());
        assertEquals(List.of("attempt", "response", "complete"), events.stream().map(e -> e[0]).toList());
        assertEquals("{\"message\":\"Starting API test...\"}", events.get(0)[1]);
        JsonNode response = JSON.readTree(events.get(1)[1]);
        assertEquals(400, response.path("statusCode").asInt());
        assertTrue(response.path("responseTimeMs").isIntegralNumber());
        assertEquals("INVALID_ARGUMENTS", response.at("/body/error").asText());
        assertEquals("{\"success\":false}", events.get(2)[1]);
        assertEquals(answer.text().replaceFirst("\"responseTimeMs\":\\d+", "\"responseTimeMs\":0"),
                "event: attempt\ndata: {\"message\":\"Starting API test...\"}\n\n"
                        + "event: response\ndata: {\"statusCode\":400,\"responseTimeMs\":0,"
                        + "\"body\":{\"error\":\"INVALID_ARGUMENTS\"}}\n\n"
                        + "event: complete\ndata: {\"success\":false}\n\n");

        TestCall call = HAMSA.testCalls().get(0);
        assertEquals("POST", call.method());
        assertEquals(toolUrl("/tools/orders?filter=active&q=a+b%26c"), call.url());
        assertEquals("Bearer sk-1", call.header("Authorization").orElseThrow());
        assertEquals(List.of("x-client", "x-retry", "authorization", "content-type"), List.copyOf(call.headers().keySet()));
        assertEquals("ORD-1", call.body().path("orderId").asText());
        assertEquals(400, call.statusCode());
        assertNull(call.error());
        assertFalse(call.toString().contains("sk-1"), call.toString());
        assertTrue(call.toString().contains("authorization=****"), call.toString());

        RecordedRequest received = HAMSA.takeRequest();
        assertEquals(TEST, received.path());
        assertEquals("sk-1", received.body().path("authToken").asText());
    }

    @Test
    void aTokenWithoutPrefix_isSentAsIs_andATextAnswerIsText() throws Exception {
        toolStatus = 200;
        toolAnswer = "pong, not JSON";
        String text = http.post(TEST, request(toolUrl("/ping?x=1"), "GET", json(",'authToken':'Token abc',"
                + "'httpHeaders':{'Authorization':'overridden'},'queryParams':{'y':'2'}"))).text();

        Arrived arrived = arrived();
        assertEquals("GET", arrived.method());
        assertEquals("/ping?x=1&y=2", arrived.uri());
        assertEquals("Token abc", arrived.headers().get("authorization"));
        assertFalse(arrived.headers().containsKey("content-type"));
        assertEquals("", arrived.body());
        List<String[]> events = sse(text);
        assertEquals("pong, not JSON", JSON.readTree(events.get(1)[1]).path("body").asText());
        assertEquals("{\"success\":true}", events.get(2)[1]);
        assertNull(HAMSA.testCalls().get(0).body());

        ARRIVED.clear();
        http.post(TEST, request(toolUrl("/ping"), "DELETE", ""));
        assertFalse(arrived().headers().containsKey("authorization"));
    }

    @Test
    void aRefusedPort_streamsAnErrorEvent() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Answer answer = http.post(TEST, request("http://127.0.0.1:" + port + "/tools/x", "POST", ""));
        assertEquals(200, answer.status());
        assertEquals("event: attempt\ndata: {\"message\":\"Starting API test...\"}\n\n"
                + "event: error\ndata: {\"message\":\"Connection refused\"}\n\n"
                + "event: complete\ndata: {\"success\":false}\n\n", answer.text());
        TestCall call = HAMSA.testCalls().get(0);
        assertEquals(0, call.statusCode());
        assertEquals("Connection refused", call.error());
    }

    @Test
    void aSlowTool_timesOutAfterTheTimeout() throws Exception {
        toolDelayMillis = 2_000;
        List<String[]> events = sse(http.post(TEST, request(toolUrl("/slow"), "GET", ",\"timeout\":0.2")).text());
        assertEquals(List.of("attempt", "error", "complete"), events.stream().map(e -> e[0]).toList());
        assertEquals("{\"message\":\"Timed out after 0.2 s\"}", events.get(1)[1]);
        assertEquals("Timed out after 0.2 s", HAMSA.testCalls().get(0).error());
    }

    @Test
    void eachStreamFormat() throws Exception {
        String request = request(toolUrl("/t"), "GET", "");
        HAMSA.testStream(TestStream.NDJSON);
        Answer ndjson = http.post(TEST, request);
        assertEquals("application/x-ndjson", ndjson.raw().headers().firstValue("Content-Type").orElseThrow());
        String[] lines = ndjson.text().split("\n");
        assertEquals(3, lines.length);
        assertEquals("{\"event\":\"attempt\",\"data\":{\"message\":\"Starting API test...\"}}", lines[0]);
        assertEquals(400, JSON.readTree(lines[1]).at("/data/statusCode").asInt());
        assertEquals("{\"event\":\"complete\",\"data\":{\"success\":false}}", lines[2]);

        HAMSA.testStream(TestStream.JSON_ARRAY);
        Answer array = http.post(TEST, request);
        assertEquals("application/json", array.raw().headers().firstValue("Content-Type").orElseThrow());
        assertEquals(3, array.json().size());
        assertEquals("response", array.json().at("/1/event").asText());
        assertEquals("INVALID_ARGUMENTS", array.json().at("/1/data/body/error").asText());

        HAMSA.testStream(TestStream.OPAQUE);
        Answer opaque = http.post(TEST, request);
        assertEquals("text/event-stream", opaque.raw().headers().firstValue("Content-Type").orElseThrow());
        assertEquals("event: attempt\ndata: {\"message\":\"Starting API test...\"}\n\nevent: done\ndata: {}\n\n",
                opaque.text());
        assertEquals(3, HAMSA.testCalls().size());

        HAMSA.reset();
        assertTrue(http.post(TEST, request).text().startsWith("event: attempt\n"));
        assertEquals(1, HAMSA.testCalls().size());
    }

    @Test
    void anInvalidRequest_is400_andCallsNothing() throws Exception {
        Answer answer = http.post(TEST, json("{'projectId':'other','serverUrl':'/relative','method':'FETCH',"
                + "'authToken':5,'timeout':0,'httpHeaders':{'X':{}},'queryParams':[],'body':'x'}"));
        assertEquals(400, answer.status());
        assertEquals(10400, answer.json().at("/error/code").asInt());
        assertEquals(List.of(
                "projectId must be the id of the API key's project (GET /v1/projects/by-api-key)",
                "serverUrl must be an absolute http(s) URL",
                "method must be one of DELETE, GET, PATCH, POST, PUT",
                "authToken must be a string",
                "timeout must be a positive number of seconds",
                "httpHeaders must be an object of strings",
                "queryParams must be an object of strings",
                "body must be an object"), answer.problems());
        assertEquals(List.of("body must be a JSON object"), http.post(TEST, "[]").problems());
        assertEquals(List.of(), HAMSA.testCalls());
        synchronized (ARRIVED) {
            assertTrue(ARRIVED.isEmpty());
        }
        assertEquals(400, HAMSA.requests().get(0).status());
    }
}
