package dev.toolwire.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.descriptor.Json;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests over raw loopback sockets, with a valid token so they reach the body: each gets
 * a clear envelope (never a 500) and the server keeps serving.
 */
@MicronautTest
@Property(name = "spec.name", value = "AuthTools")
@Property(name = "toolwire.auth.jwt.secret", value = TestTokens.SECRET)
@Property(name = "micronaut.server.max-request-size", value = "1073741824")
// Sends many bad credentials on purpose; FailedAuthThrottleTest covers the throttle.
@Property(name = "toolwire.auth.failed-attempts-per-minute", value = "0")
class HostileInputTest {

    private static final String TOKEN = TestTokens.withScope("tool:*");

    @Inject
    EmbeddedServer server;

    /** A raw answer: status, head and body. */
    record Raw(int status, String head, String body) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String code() {
            return json().at("/error/code").asText();
        }
    }

    private Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), server.getPort());
    }

    private Raw exchange(String head, byte[] body) throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Raw read(InputStream in) throws IOException {
        String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int split = all.indexOf("\r\n\r\n");
        assertTrue(split > 0, "an HTTP answer: " + all);
        String head = all.substring(0, split);
        return new Raw(Integer.parseInt(head.substring(9, 12)), head, all.substring(split + 4));
    }

    private Raw post(String contentType, byte[] body) throws IOException {
        return exchange("POST /tools/measure HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + TOKEN + "\r\nContent-Type: " + contentType + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n", body);
    }

    private Raw postJson(String body) throws IOException {
        return post("application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stillServing() throws IOException {
        Raw good = postJson("{\"count\": 2, \"amount\": 1.5, \"tags\": [\"a\"]}");
        assertEquals(200, good.status(), good.body());
        assertEquals("2 1.5 1", good.json().path("result").asText());
    }

    private static void assertEnvelope(Raw answer, int status, String code) {
        assertEquals(status, answer.status(), answer.head() + "\n" + answer.body());
        assertEquals(code, answer.code(), answer.body());
        assertTrue(answer.head().toLowerCase().contains("x-request-id:"), answer.head());
    }

    @Test
    void malformedAndNonObjectJson_are400() throws IOException {
        for (String body : List.of("{", "{\"count\": }", "nul", "[1, 2]", "\"text\"", "42", "{\"a\":1}{", "{\"a\":1,\"a\":2}")) {
            assertEnvelope(postJson(body), 400, "MALFORMED_REQUEST");
        }
    }

    @Test
    void wrongContentType_is415() throws IOException {
        assertEnvelope(post("text/plain", "{}".getBytes(StandardCharsets.UTF_8)), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertEnvelope(post("application/x-www-form-urlencoded", "count=1".getBytes(StandardCharsets.UTF_8)), 415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void deepNesting_is400_notAStackOverflow() throws IOException {
        String arrays = "[".repeat(65) + "]".repeat(65);
        assertEnvelope(postJson("{\"tags\": " + arrays + "}"), 400, "MALFORMED_REQUEST");
        String objects = "{\"a\":".repeat(1000) + "1" + "}".repeat(1000);
        assertEnvelope(postJson(objects), 400, "MALFORMED_REQUEST");
    }

    @Test
    void tenThousandNestedArrays_is400() throws IOException {
        Raw answer = exchange("POST /tools/measure HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + TOKEN + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 20002\r\n\r\n", ("[".repeat(10_000) + "]".repeat(10_000) + "{}").getBytes(StandardCharsets.UTF_8));
        assertEnvelope(answer, 400, "MALFORMED_REQUEST");
    }

    @Test
    void hugeNumbers_areRefused() throws IOException {
        assertEnvelope(postJson("{\"count\": " + "9".repeat(500) + "}"), 400, "MALFORMED_REQUEST");
        assertEnvelope(postJson("{\"amount\": 0." + "1".repeat(500) + "}"), 400, "MALFORMED_REQUEST");
        assertEnvelope(postJson("{\"count\": 1e999999999}"), 400, "MALFORMED_REQUEST");
        assertEnvelope(postJson("{\"count\": 99999999999999999999}"), 400, "INVALID_ARGUMENTS");
    }

    @Test
    void hugeExponents_areRefusedBeforeAnythingExpandsThem() throws IOException {
        assertEnvelope(postJson("{\"amount\": 1e999999999}"), 400, "MALFORMED_REQUEST");
        assertEnvelope(postJson("{\"amount\": 1e-999999999}"), 400, "MALFORMED_REQUEST");
        assertEnvelope(postJson("{\"tags\": [\"a\"], \"x\": {\"y\": [1E+2000000]}}"), 400, "MALFORMED_REQUEST");
        Raw query = exchange("POST /tools/measure?amount=1e999999999 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Authorization: Bearer " + TOKEN + "\r\nContent-Length: 0\r\n\r\n", new byte[0]);
        assertEnvelope(query, 400, "INVALID_ARGUMENTS");
        assertEquals(200, postJson("{\"amount\": 1.5e3}").status());
    }

    @Test
    void invalidUtf8_is400() throws IOException {
        byte[] body = {'{', '"', 't', 'a', 'g', 's', '"', ':', '[', '"', (byte) 0xC3, (byte) 0x28, '"', ']', '}'};
        assertEnvelope(post("application/json", body), 400, "MALFORMED_REQUEST");
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80, '"', '}'};
        assertEnvelope(post("application/json", overlong), 400, "MALFORMED_REQUEST");
    }

    @Test
    void declaredBodyOverTheLimit_is413() throws IOException {
        assertEnvelope(postJson("{\"tags\": [\"" + "x".repeat(70_000) + "\"]}"), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void chunkedBodyOverTheLimit_isCutOffEarly() throws Exception {
        long cap = 256L * 1024 * 1024;
        AtomicLong sent = new AtomicLong();
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /tools/measure HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + TOKEN + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<?> writing = writer.submit(() -> {
                byte[] chunk = ("2000\r\n" + "[".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                try {
                    while (sent.get() < cap) {
                        out.write(chunk);
                        sent.addAndGet(0x2000);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException closedByServer) {
                    // expected: the server stops reading once the limit is passed
                }
                return null;
            });
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (head.size() < 12) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            long sentWhenAnswered = sent.get();
            socket.shutdownInput();
            writing.get();
            writer.shutdown();
            assertTrue(head.toString(StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 413"), head.toString());
            assertTrue(sentWhenAnswered < cap, "answered before the whole body was sent: " + sentWhenAnswered);
        }
    }

    @Test
    void hugeHeaders_areAnEnvelope() throws IOException {
        Raw answer = exchange("POST /tools/measure HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "X-Padding: " + "p".repeat(20_000) + "\r\nContent-Length: 2\r\n\r\n", "{}".getBytes(StandardCharsets.UTF_8));
        assertEnvelope(answer, 431, "HEADERS_TOO_LARGE");
        Raw longLine = exchange("GET /tools/opening_hours?q=" + "q".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n", new byte[0]);
        assertEquals(414, longLine.status(), longLine.head());
    }

    @Test
    void aBurstOfBadRequests_leavesTheServerServing() throws Exception {
        List<String> heads = List.of(
                "POST /tools/measure HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer garbage\r\nContent-Length: 2\r\n\r\n{}",
                "POST /tools/measure HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}",
                "POST /tools/measure HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " + TOKEN
                        + "\r\nContent-Type: application/json\r\nContent-Length: 3\r\n\r\n{{{",
                "POST /tools/measure HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " + TOKEN
                        + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n" + "[".repeat(200),
                "POST /tools/measure HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " + TOKEN
                        + "\r\nContent-Type: application/json\r\nContent-Length: 23\r\n\r\n{\"amount\": 1e999999999}",
                "GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String request = heads.get(i % heads.size());
            answers.add(pool.submit(() -> exchange(request, new byte[0]).status()));
        }
        int failures = 0;
        for (Future<Integer> answer : answers) {
            int status = answer.get();
            assertTrue(status >= 400 && status < 500, "a 4xx answer, got " + status);
            failures++;
        }
        pool.shutdown();
        assertEquals(3000, failures);
    }
}
