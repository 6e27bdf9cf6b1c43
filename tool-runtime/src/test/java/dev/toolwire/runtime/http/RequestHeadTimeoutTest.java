package dev.toolwire.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code toolwire.http.header-timeout}: a request head must arrive whole within the timeout, however
 * it trickles in, while a kept-alive connection may wait for its next request as long as Micronaut's
 * idle timeout allows.
 */
@MicronautTest
@Property(name = "spec.name", value = "RequestHeadTimeoutTest")
@Property(name = "toolwire.http.header-timeout", value = RequestHeadTimeoutTest.TIMEOUT_MILLIS + "ms")
class RequestHeadTimeoutTest {

    static final int TIMEOUT_MILLIS = 300;

    private static final String PARTIAL_HEAD = "GET /tools/nothing-here HTTP/1.1\r\nHost: localhost\r\nX-Slow: ";
    private static final String WHOLE_HEAD = "GET /tools/nothing-here HTTP/1.1\r\nHost: localhost\r\n\r\n";

    @Inject
    EmbeddedServer server;

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aHeadThatStops_isAnswered408AndClosed() throws IOException {
        try (Socket socket = RawHttp.connect(server.getPort())) {
            long start = System.nanoTime();
            send(socket, PARTIAL_HEAD);
            RawHttp.Drained drained = RawHttp.drain(socket, 3_000);
            long elapsed = millisSince(start);

            assertTrue(drained.closed(), "the server closed the connection");
            assertTrue(elapsed >= TIMEOUT_MILLIS - 50, "not before the timeout: " + elapsed + " ms");
            RawHttp.Answer answer = drained.answer();
            assertEquals(408, answer.status(), answer.head());
            assertEquals("REQUEST_TIMEOUT", answer.code());
            assertFalse(answer.json().at("/error/message").asText().isBlank());
            assertEquals("close", answer.header("Connection"));
            assertNotNull(answer.header("X-Request-Id"));
            assertEquals(answer.header("X-Request-Id"), answer.json().at("/error/requestId").asText());
        }
    }

    @Test
    void aHeadTrickledByteByByte_isCutOffAtTheTimeout() throws IOException {
        try (Socket socket = RawHttp.connect(server.getPort())) {
            long start = System.nanoTime();
            send(socket, PARTIAL_HEAD);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            boolean closed = false;
            while (!closed && millisSince(start) < 5_000) {
                try {
                    send(socket, "a"); // a byte every 50 ms: never idle, never done
                } catch (IOException reset) {
                    closed = true;
                    break;
                }
                RawHttp.Drained drained = RawHttp.drain(socket, 50);
                received.writeBytes(drained.bytes());
                closed = drained.closed();
            }
            long elapsed = millisSince(start);

            assertTrue(closed, "the server closed a connection that kept trickling");
            assertTrue(elapsed < 3_000, "closed after " + elapsed + " ms");
            if (received.size() > 0) { // the answer may be lost to a reset when a trickled byte was unread
                assertEquals(408, RawHttp.parse(received.toByteArray()).status());
            }
        }
    }

    @Test
    void aConnectionThatSaysNothing_isClosedWithoutAnAnswer() throws IOException {
        try (Socket socket = RawHttp.connect(server.getPort())) {
            RawHttp.Drained drained = RawHttp.drain(socket, 3_000);

            assertTrue(drained.closed());
            assertTrue(drained.empty(), new String(drained.bytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aKeptAliveConnection_mayWaitForItsNextRequest_andSendItInPieces() throws IOException {
        try (Socket socket = RawHttp.connect(server.getPort())) {
            socket.setSoTimeout(3_000);
            send(socket, WHOLE_HEAD);
            assertEquals(404, RawHttp.readOne(socket.getInputStream()).status());

            RawHttp.Drained idle = RawHttp.drain(socket, 3 * TIMEOUT_MILLIS);
            assertFalse(idle.closed(), "an idle kept-alive connection is left to micronaut.server.idle-timeout");
            assertTrue(idle.empty());

            for (String piece : new String[] {"GET /tools/nothing-here HTTP/1.1\r\n", "Host: local"}) {
                send(socket, piece);
                assertTrue(RawHttp.drain(socket, TIMEOUT_MILLIS / 6).empty(), "no answer to half a head");
            }
            send(socket, "host\r\n\r\n");
            socket.setSoTimeout(3_000);
            RawHttp.Answer second = RawHttp.readOne(socket.getInputStream());
            assertEquals(404, second.status());
            assertEquals("NOT_FOUND", second.code());
        }
    }
}
