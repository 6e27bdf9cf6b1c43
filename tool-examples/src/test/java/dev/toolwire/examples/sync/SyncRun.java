package dev.toolwire.examples.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.examples.Application;
import dev.toolwire.runtime.Toolwire;
import dev.toolwire.testing.FakeHamsa;
import dev.toolwire.testing.FakeHamsa.Dialect;
import dev.toolwire.testing.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Runs the example application's {@code sync} command against one of two fakes (one per dialect of
 * Hamsa's API), with the properties a deploy would set, and reads the fake's tools in whichever shape
 * its dialect answers. Each test sets it up and tears it down; the fakes live for the test class.
 */
final class SyncRun implements AutoCloseable {

    static final String KEY = "hk_live_9f8e7d6c5b4a_SECRET";
    static final String PUBLIC_URL = "https://tools.example.com";
    static final List<String> NAMES = List.of("book_appointment", "cancel_appointment", "check_availability",
            "create_support_ticket", "generate_account_report", "generate_account_report_status", "get_order_status",
            "lookup_customer", "update_customer_preferences");
    static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<Dialect, FakeHamsa> FAKES = new HashMap<>();

    /** What one command printed. */
    record Run(int exit, String out, String err) {}

    private final FakeHamsa hamsa;
    private final Map<String, String> properties = new HashMap<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    private SyncRun(FakeHamsa hamsa) {
        this.hamsa = hamsa;
        properties.putAll(Map.of(
                "spec.name", "HamsaSyncTest",
                "toolwire.public-url", PUBLIC_URL,
                "toolwire.hamsa.base-url", hamsa.url().toString(),
                "toolwire.hamsa.api-key", KEY,
                "toolwire.hamsa.requests-per-minute", "60000",
                "toolwire.hamsa.backoff", "5ms",
                "toolwire.hamsa.max-backoff", "20ms"));
        properties.forEach(System::setProperty);
        logs.start();
        Logger toolwire = (Logger) LoggerFactory.getLogger("dev.toolwire");
        toolwire.setLevel(Level.DEBUG);
        toolwire.addAppender(logs);
    }

    /** A run against a reset fake of this dialect. */
    static synchronized SyncRun against(Dialect dialect) {
        FakeHamsa hamsa = FAKES.computeIfAbsent(dialect, d -> FakeHamsa.start(KEY, d));
        hamsa.reset();
        return new SyncRun(hamsa);
    }

    static synchronized void stopFakes() {
        FAKES.values().forEach(FakeHamsa::close);
        FAKES.clear();
    }

    FakeHamsa hamsa() {
        return hamsa;
    }

    Dialect dialect() {
        return hamsa.dialect();
    }

    /** Sets a property for the runs (a system property, cleared at the end). */
    SyncRun with(String property, String value) {
        properties.put(property, value);
        System.setProperty(property, value);
        return this;
    }

    /** Points the sync at the fake again, e.g. after the fake was given a base path. */
    SyncRun repointed() {
        return with("toolwire.hamsa.base-url", hamsa.url().toString());
    }

    @Override
    public void close() {
        Logger toolwire = (Logger) LoggerFactory.getLogger("dev.toolwire");
        toolwire.detachAppender(logs);
        toolwire.setLevel(null);
        properties.keySet().forEach(System::clearProperty);
    }

    Run sync(String... args) {
        return command("sync", args);
    }

    Run command(String name, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = name;
        System.arraycopy(args, 0, command, 1, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Toolwire.execute(Application.class, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), command);
        Run run = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        String logged = logs.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
        String shown = run.out() + run.err() + logged;
        assertFalse(shown.contains(KEY), "the API key was printed or logged");
        assertFalse(shown.contains("examples-test-header-key"), "a header tool's credential was printed or logged");
        assertFalse(shown.matches("(?s).*Bearer ey[A-Za-z0-9_-]{10}.*"), "a tool's token was printed or logged");
        return run;
    }

    List<RecordedRequest> writes() {
        return hamsa.requests().stream().filter(RecordedRequest::isWrite).toList();
    }

    List<RecordedRequest> writesSince(int request) {
        return hamsa.requests().subList(request, hamsa.requests().size()).stream().filter(RecordedRequest::isWrite).toList();
    }

    List<String> remoteNames() {
        return hamsa.tools().stream().map(t -> t.path("name").asText()).sorted().toList();
    }

    ObjectNode tool(String name) {
        return hamsa.tool(name).orElseThrow(() -> new AssertionError("no tool " + name + " on the fake"));
    }

    /** A stored tool's server URL, in either shape. */
    String serverUrl(JsonNode tool) {
        return dialect() == Dialect.GUIDE ? tool.path("url").asText() : tool.at("/toolSettings/serverUrl").asText();
    }

    /** A stored tool's auth token, in either shape. */
    JsonNode authToken(JsonNode tool) {
        return dialect() == Dialect.GUIDE ? tool.path("authToken") : tool.at("/toolSettings/authToken");
    }

    /** The web-tool API's root path in this dialect. */
    String root() {
        return dialect() == Dialect.GUIDE ? "/v2/web-tool" : "/v2/voice-agents/web-tool";
    }

    /** A create body of a hand-made tool in this dialect. */
    String handMade(String name, String url) {
        String body = dialect() == Dialect.GUIDE
                ? "{'name':'" + name + "','description':'Made by hand.','async':false,'methodType':'POST','url':'" + url
                        + "','authType':'none','parameters':{'type':'object','properties':{}},'messages':[],'timeoutSeconds':5}"
                : "{'type':'FUNCTION','name':'" + name + "','description':'Made by hand.','async':false,"
                        + "'params':{'type':'object','properties':{}},'messages':[],"
                        + "'toolSettings':{'serverUrl':'" + url + "','methodType':'POST','timeOut':5}}";
        return body.replace('\'', '"');
    }

    /** Edits a stored tool's description through the API, as a person in the dashboard would: a new version. */
    void editByHand(ObjectNode tool, String description) {
        ObjectNode body = tool.deepCopy();
        for (String server : List.of("id", "persistentId", "version", "userId", "projectId", "isActive", "createdAt",
                "updatedAt")) {
            body.remove(server);
        }
        body.put("description", description);
        if (dialect() == Dialect.REFERENCE) {
            ObjectNode settings = (ObjectNode) body.path("toolSettings");
            settings.put("timeOut", settings.path("timeout").asInt() / 1000);
            settings.remove("timeout");
            if (settings.path("authToken").isNull()) {
                settings.remove("authToken");
            }
        } else if (body.path("authToken").isNull()) {
            body.remove("authToken");
        }
        send("PATCH", root() + "/" + tool.path("id").asText(), body.toString());
    }

    /** Switches a stored tool on or off through the API, as a person in the dashboard would. */
    void toggleByHand(ObjectNode tool, boolean active) {
        send("POST", "/v1/voice-agents/web-tool/toggle-activation",
                "{\"id\":\"" + tool.path("id").asText() + "\",\"isActive\":" + active + "}");
    }

    private void send(String method, String path, String body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(hamsa.url() + path))
                            .method(method, HttpRequest.BodyPublishers.ofString(body))
                            .header("Authorization", "Token " + KEY).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
