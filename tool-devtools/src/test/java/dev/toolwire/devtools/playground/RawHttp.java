package dev.toolwire.devtools.playground;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.descriptor.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Test helper: HTTP/1.1 over a plain socket, for headers a client library would rewrite (the part
 * of tool-runtime's test helper of the same name that the playground tests use).
 */
final class RawHttp {

    private RawHttp() {}

    /**
     * One answer as it came off the wire.
     *
     * @param status the status code
     * @param head the status line and headers
     * @param body the body
     */
    record Answer(int status, String head, String body) {

        /** The value of a header, or {@code null}. */
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        /** The body as JSON. */
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        /** The envelope's {@code error.code}. */
        String code() {
            return json().at("/error/code").asText();
        }
    }

    /**
     * Sends one request with {@code Connection: close} and reads the answer to the end.
     *
     * @param port the server's port
     * @param requestLineAndHeaders e.g. {@code "GET /x HTTP/1.1\r\nHost: localhost\r\n"}, without the
     *     closing blank line
     * @return the answer
     * @throws IOException if the exchange fails
     */
    static Answer exchange(int port, String requestLineAndHeaders) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLineAndHeaders + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            if (split < 0 || !all.toUpperCase(Locale.ROOT).startsWith("HTTP/1.1 ")) {
                throw new AssertionError("not an HTTP answer: '" + all + "'");
            }
            return new Answer(Integer.parseInt(all.substring(9, 12)), all.substring(0, split), all.substring(split + 4));
        }
    }
}
