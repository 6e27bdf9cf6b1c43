package dev.toolwire.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.Polling;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code toolwire.http.max-connections}: one connection over the cap is answered 503 and closed. */
@MicronautTest
@Property(name = "spec.name", value = "ConnectionCapTest")
@Property(name = "toolwire.http.max-connections", value = "2")
@Property(name = "toolwire.http.header-timeout", value = "30s")
class ConnectionCapTest {

    @Inject
    EmbeddedServer server;

    @Inject
    ConnectionLimits limits;

    @Test
    void aConnectionOverTheCap_isAnswered503AndClosed_andAFreedPlaceServesAgain() throws IOException {
        Socket first = RawHttp.connect(server.getPort());
        Socket second = RawHttp.connect(server.getPort());
        try {
            assertTrue(Polling.eventually(() -> limits.open() == 2, Duration.ofSeconds(5)), "both accepted");

            try (Socket third = RawHttp.connect(server.getPort())) {
                RawHttp.Drained drained = RawHttp.drain(third, 3_000);
                assertTrue(drained.closed(), "the third connection is closed");
                RawHttp.Answer answer = drained.answer();
                assertEquals(503, answer.status(), answer.head());
                assertEquals("UNAVAILABLE", answer.code());
                assertEquals("5", answer.header("Retry-After"));
                assertEquals("close", answer.header("Connection"));
                assertEquals(answer.header("X-Request-Id"), answer.json().at("/error/requestId").asText());
            }

            first.close();
            assertTrue(Polling.eventually(() -> limits.open() == 1, Duration.ofSeconds(5)), "places freed");
            try (Socket again = RawHttp.connect(server.getPort())) {
                again.setSoTimeout(3_000);
                again.getOutputStream().write("GET /tools/nothing-here HTTP/1.1\r\nHost: localhost\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                assertEquals(404, RawHttp.readOne(again.getInputStream()).status());
            }
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void theCapNeverTakesTheLastFileDescriptors() {
        assertEquals(1000, ConnectionLimits.effectiveCap(1000, 1_048_576));
        assertEquals(1000, ConnectionLimits.effectiveCap(1000, -1), "unknown limit: as configured");
        assertEquals(1024 - ConnectionLimits.FD_RESERVE, ConnectionLimits.effectiveCap(1000, 1024));
        assertEquals(1, ConnectionLimits.effectiveCap(1000, 64));
        assertEquals(0, ConnectionLimits.effectiveCap(0, 1024), "0: no cap");
        assertEquals(0, ConnectionLimits.effectiveCap(-5, 1024));
    }
}
