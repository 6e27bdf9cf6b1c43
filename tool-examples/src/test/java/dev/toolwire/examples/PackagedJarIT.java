package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the shaded {@code tool-examples.jar} exactly as the README says: its commands, and the server
 * with no configuration, called over real HTTP.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of("target", "tool-examples.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Process server;
    private static URI base;

    @BeforeAll
    static void startServer() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "mvn package builds " + JAR);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = URI.create("http://127.0.0.1:" + port);
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "packaged-jar-it-server.log").toFile());
        // The README's command, on a free port instead of 8080 so a running dev server does not interfere.
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        server = builder.start();
        awaitServer(port);
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void toolsJson_listsEightTools() throws Exception {
        String out = command("tools", "--json");
        for (String tool : List.of("lookup_customer", "update_customer_preferences", "create_support_ticket",
                "get_order_status", "check_availability", "book_appointment", "cancel_appointment",
                "generate_account_report")) {
            assertTrue(out.contains("\"" + tool + "\""), tool + " listed in " + out);
        }
    }

    @Test
    void describe_showsTheOrderIdPattern() throws Exception {
        String out = command("describe", "get_order_status");
        assertTrue(out.contains("\"order_id\""), out);
        assertTrue(out.contains("^ORD-[0-9]{5}$"), out);
    }

    @Test
    void server_answersKnownAndUnknownCustomers() throws Exception {
        HttpResponse<String> known = post("/tools/lookup_customer", "{\"phone_number\": \"+971501234567\"}");
        HttpResponse<String> unknown = post("/tools/lookup_customer", "{\"phone_number\": \"+15550000000\"}");

        assertEquals(200, known.statusCode(), known.body());
        assertTrue(known.body().contains("Layla Haddad"), known.body());
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("\"NOT_FOUND\""), unknown.body());
        assertTrue(unknown.headers().firstValue("X-Request-Id").isPresent());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String command(String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        line.addAll(List.of(args));
        Process process = new ProcessBuilder(line).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "command finishes");
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    private static void awaitServer(int port) throws Exception {
        Instant giveUp = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(giveUp)) {
            assertTrue(server.isAlive(), "server exited early; see target/packaged-jar-it-server.log");
            try {
                new Socket("127.0.0.1", port).close();
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("server did not listen on port " + port + " within 60 s");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
