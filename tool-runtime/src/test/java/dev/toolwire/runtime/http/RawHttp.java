package dev.toolwire.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.descriptor.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Test helper: HTTP/1.1 over a plain socket, for what a client library would hide or refuse to send. */
public final class RawHttp {

    private RawHttp() {}

    /**
     * One answer as it came off the wire.
     *
     * @param status the status code
     * @param head the status line and headers
     * @param body the body
     */
    public record Answer(int status, String head, String body) {

        /** The value of a header, or {@code null}. */
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        /** The body as JSON. */
        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        /** The envelope's {@code error.code}. */
        public String code() {
            return json().at("/error/code").asText();
        }
    }

    /**
     * Opens a connection to a local server.
     *
     * @param port the server's port
     * @return the socket
     * @throws IOException if it cannot connect
     */
    public static Socket connect(int port) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), port);
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
    public static Answer exchange(int port, String requestLineAndHeaders) throws IOException {
        try (Socket socket = connect(port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLineAndHeaders + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    /**
     * Reads one answer with a {@code Content-Length} from a connection that stays open.
     *
     * @param in the connection's input
     * @return the answer
     * @throws IOException if the connection fails or closes early
     */
    public static Answer readOne(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        Answer headOnly = new Answer(Integer.parseInt(text.substring(9, 12)), text, "");
        String length = headOnly.header("Content-Length");
        byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
        return new Answer(headOnly.status(), text, new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Reads what arrives until the server closes, or nothing arrives for a while.
     *
     * @param socket the connection
     * @param quietMillis how long a silence ends the reading
     * @return the bytes, and whether the server closed the connection
     * @throws IOException if the connection fails
     */
    public static Drained drain(Socket socket, int quietMillis) throws IOException {
        socket.setSoTimeout(quietMillis);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n = socket.getInputStream().read(buffer); ; n = socket.getInputStream().read(buffer)) {
                if (n < 0) {
                    return new Drained(all.toByteArray(), true);
                }
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException quiet) {
            return new Drained(all.toByteArray(), false);
        } catch (IOException reset) {
            return new Drained(all.toByteArray(), true);
        }
    }

    /**
     * What {@link #drain} read.
     *
     * @param bytes the bytes
     * @param closed whether the server closed the connection
     */
    public record Drained(byte[] bytes, boolean closed) {

        /** The bytes as one answer. */
        public Answer answer() {
            return parse(bytes);
        }

        /** Whether nothing was read. */
        public boolean empty() {
            return bytes.length == 0;
        }
    }

    static Answer parse(byte[] bytes) {
        String all = new String(bytes, StandardCharsets.UTF_8);
        int split = all.indexOf("\r\n\r\n");
        if (split < 0 || !all.toUpperCase(Locale.ROOT).startsWith("HTTP/1.1 ")) {
            throw new AssertionError("not an HTTP answer: '" + all + "'");
        }
        return new Answer(Integer.parseInt(all.substring(9, 12)), all.substring(0, split), all.substring(split + 4));
    }
}
