package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.testing.FakeHamsa;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the shaded {@code tool-examples.jar} exactly as the README says: its commands, and the server
 * with no configuration, called over real HTTP with the token and header value it prints.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of("target", "tool-examples.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final Path SERVER_LOG = Path.of("target", "packaged-jar-it-server.log");
    private static final Pattern PRINTED_TOKEN = Pattern.compile("Authorization: Bearer (\\S+)");
    private static final Pattern PRINTED_HEADER = Pattern.compile("X-API-Key: (\\S+)");

    private static Process server;
    private static URI base;
    private static String token;
    private static String apiKey;

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
                .redirectOutput(SERVER_LOG.toFile());
        // The README's command, on a free port instead of 8080 so a running dev server does not interfere.
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        server = builder.start();
        awaitServer(port);
        // With no key configured, the server prints a local token and header value (README, "Auth").
        token = awaitPrinted(PRINTED_TOKEN);
        apiKey = awaitPrinted(PRINTED_HEADER);
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
    void server_refusesCallsWithoutThePrintedCredentials() throws Exception {
        HttpResponse<String> noToken = HTTP.send(HttpRequest.newBuilder(base.resolve("/tools/lookup_customer"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"phone_number\": \"+971501234567\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withKey = HTTP.send(HttpRequest.newBuilder(
                base.resolve("/tools/check_availability?service_type=repair&start_date=" + LocalDate.now().plusDays(7)))
                .header("X-API-Key", apiKey).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(401, noToken.statusCode(), noToken.body());
        assertTrue(noToken.body().contains("\"UNAUTHORIZED\""), noToken.body());
        assertTrue(noToken.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer realm=\"toolwire\""));
        assertEquals(200, withKey.statusCode(), withKey.body());
    }

    @Test
    void token_needsAConfiguredSecret() throws Exception {
        Process without = new ProcessBuilder(java(), "-jar", JAR.toString(), "token", "--all").start();
        String err = new String(without.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(without.waitFor(60, TimeUnit.SECONDS), "command finishes");
        assertEquals(2, without.exitValue(), err);
        assertTrue(err.contains("toolwire.auth.jwt.secret"), err);

        ProcessBuilder configured = new ProcessBuilder(java(), "-jar", JAR.toString(), "token", "--tool", "lookup_customer")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        configured.environment().put("TOOLWIRE_AUTH_JWT_SECRET", "packaged-jar-it-secret-0123456789-abcdefghij");
        Process with = configured.start();
        String out = new String(with.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(with.waitFor(60, TimeUnit.SECONDS), "command finishes");
        assertEquals(0, with.exitValue(), out);
        assertTrue(out.strip().matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), out);
    }

    @Test
    void sync_fromThePackagedJar_createsEveryToolInHamsa() throws Exception {
        try (FakeHamsa hamsa = FakeHamsa.start("packaged-jar-it-hamsa-key")) {
            ProcessBuilder sync = new ProcessBuilder(java(), "-jar", JAR.toString(), "sync")
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            sync.environment().put("TOOLWIRE_AUTH_JWT_SECRET", "packaged-jar-it-secret-0123456789-abcdefghij");
            sync.environment().put("TOOLWIRE_AUTH_HEADER_VALUES", "packaged-jar-it-header-value");
            sync.environment().put("TOOLWIRE_PUBLIC_URL", "https://voice.example.org/api");
            sync.environment().put("HAMSA_API_KEY", hamsa.apiKey());
            sync.environment().put("TOOLWIRE_HAMSA_REQUESTS_PER_MINUTE", "60000");
            sync.environment().put("HAMSA_BASE_URL", hamsa.url().toString());
            Process process = sync.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "command finishes");
            assertEquals(0, process.exitValue(), out);
            assertEquals(9, hamsa.tools().size(), out);
        }
    }

    @Test
    void train_writesAClassDataArchive_thatTheJarStartsWith() throws Exception {
        Path archive = Path.of("target", "packaged-jar-it.jsa");
        Files.deleteIfExists(archive);

        String trained = javaCommand(List.of("-XX:ArchiveClassesAtExit=" + archive), "train",
                "--call", "lookup_customer={\"phone_number\": \"+971501234567\"}");

        assertTrue(trained.contains("Trained on 9 tools with 23 requests: 1 x 200, 5 x 400, 9 x 401, 8 x 403."), trained);
        assertTrue(Files.size(archive) > 1_000_000, "archive written at exit: " + Files.size(archive) + " bytes");
        // -Xshare:on turns an archive the JVM cannot use into an error instead of a silent cold start.
        String classes = javaCommand(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive,
                "-Xlog:class+load=info"), "tools");
        assertTrue(classes.contains("dev.toolwire.runtime.cli.ToolwireCli source: shared objects file"), classes);
        assertTrue(classes.contains("io.micronaut.http.server.netty.NettyHttpServer source: shared objects file"),
                "the server's classes were archived by the training run");
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
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String command(String... args) throws IOException, InterruptedException {
        return javaCommand(List.of(), args);
    }

    private static String javaCommand(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(java()));
        line.addAll(jvmOptions);
        line.addAll(List.of("-jar", JAR.toString()));
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

    private static String awaitPrinted(Pattern pattern) throws Exception {
        Instant giveUp = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(giveUp)) {
            Matcher m = pattern.matcher(Files.readString(SERVER_LOG));
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server printed no " + pattern + "; see " + SERVER_LOG);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
