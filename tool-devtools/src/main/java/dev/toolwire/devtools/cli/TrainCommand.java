package dev.toolwire.devtools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.annotations.AuthMode;
import dev.toolwire.runtime.auth.LocalCredentials;
import dev.toolwire.runtime.auth.ToolCredentials;
import dev.toolwire.runtime.cli.CliSession;
import dev.toolwire.runtime.cli.ToolwireCli;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.invoke.DefaultToolRegistry;
import dev.toolwire.runtime.invoke.RegisteredTool;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.http.uri.UriTemplate;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code train}: a training run for the JVM's start-up caches. It starts the server on a free port,
 * sends every tool requests that are refused before the tool method runs, and stops. Run it once
 * while packaging, under {@code -XX:ArchiveClassesAtExit=app.jsa} (JDK 17+, then start with
 * {@code -XX:SharedArchiveFile=app.jsa}) or {@code -XX:AOTCacheOutput=app.aot} (JDK 25+, then
 * {@code -XX:AOTCache=app.aot}), so the server's first call comes sooner.
 *
 * <p>Per tool: a request without credentials (401); for a JWT tool, a token for no tool of this
 * application (403); for a tool that takes a body, a valid credential and a body that is not a JSON
 * object (400). Nothing reaches a tool method, which is why a {@code GET} or {@code DELETE} tool
 * with {@code auth = NONE} gets no request at all; path placeholders are filled with a value no
 * literal route segment can have, so a request cannot land on another tool's route. The run uses
 * keys of its own (random, for this process only), a random port on the loopback interface, no rate
 * limit, and neither syncs with Hamsa nor checks it.
 *
 * <p>Refusals leave a successful call's own path cold (running the method, writing its answer). With
 * {@code --call <tool>=<json>} a tool the user knows is safe to run while packaging, such as a lookup
 * on seeded data, is also called for real with those arguments, and must answer 2xx (each tool
 * once: naming a tool twice keeps its last arguments). Any answer
 * other than the expected one is reported and makes the exit code {@code 1}.
 */
final class TrainCommand implements Callable<Integer> {

    /** The priority of the run's own settings: above the command line (0) and every file. */
    static final int SETTINGS_PRIORITY = 10_000;

    /** The scope of the token that must be refused with 403: a name no tool can have (tool names are snake_case). */
    static final String NO_TOOL = "Toolwire-Training-No-Tool";

    /** What refused requests put in a path placeholder: '!' is not allowed in a literal route segment. */
    private static final String NO_LITERAL_SEGMENT = "!training";
    private static final Duration TOKEN_TTL = Duration.ofMinutes(10);
    /** Counted as the status of a request that got no HTTP answer at all. */
    private static final int NO_ANSWER = 0;

    private final CliSession session;
    private final OptionSpec calls = OptionSpec.builder("--call")
            .paramLabel("<tool>=<json>")
            .type(Map.class)
            .auxiliaryTypes(String.class, String.class)
            .description("Also call this tool for real with these arguments (a JSON object with a value for every "
                    + "path placeholder), expecting a 2xx: only for tools safe to run while packaging, such as a "
                    + "lookup on seeded data. Repeatable, once per tool.")
            .build();

    TrainCommand(CliSession session) {
        this.session = session;
    }

    CommandSpec spec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(this).addOption(calls).mixinStandardHelpOptions(true);
        // The command list shows the header, so it has the whole summary in one sentence.
        spec.usageMessage().header("Make a training run for a class-data archive or an AOT cache: serve on a free port,"
                + " call every tool as refused requests (and real ones with --call), and stop.");
        spec.usageMessage().description(
                "Start the server on a free port, send every tool requests that are refused before the tool runs "
                        + "(no credentials: 401; a token for another tool: 403; a body that is not an object: 400), "
                        + "and stop. A training run for a class-data archive or an AOT cache:",
                "  JDK 17+: java -XX:ArchiveClassesAtExit=app.jsa -jar app.jar train "
                        + "[--call lookup_customer='{\"phone_number\": \"+971501234567\"}'], "
                        + "then java -XX:SharedArchiveFile=app.jsa -jar app.jar",
                "  JDK 25+: java -XX:AOTCacheOutput=app.aot -jar app.jar train [--call ...], "
                        + "then java -XX:AOTCache=app.aot -jar app.jar",
                "Uses random keys of its own and the loopback interface, never syncs with or calls Hamsa. Exit code: "
                        + "0 every refusal and every --call answered as expected, 1 otherwise, 2 an unknown tool or "
                        + "bad --call arguments.");
        return spec;
    }

    @Override
    public Integer call() {
        ApplicationContext context = session.context(PropertySource.of("toolwire-train", settings(), SETTINGS_PRIORITY));
        Map<RegisteredTool, ObjectNode> realCalls = new LinkedHashMap<>();
        Map<String, String> wanted = calls.getValue() == null ? Map.of() : calls.<Map<String, String>>getValue();
        for (Map.Entry<String, String> call : wanted.entrySet()) {
            Optional<RegisteredTool> tool = session.findTool(call.getKey());
            Optional<ObjectNode> arguments = arguments(call.getKey(), call.getValue());
            if (tool.isEmpty() || arguments.isEmpty() || !fillsPlaceholders(tool.get(), arguments.get())) {
                return ToolwireCli.USAGE;
            }
            realCalls.put(tool.get(), arguments.get());
        }
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        List<String> unexpected = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<RegisteredTool> tools = context.getBean(DefaultToolRegistry.class).all();
        try (HttpClient http = context.createBean(HttpClient.class, server.getURL())) {
            Requests requests = new Requests(http.toBlocking(), context.getBean(LocalCredentials.class), statuses,
                    unexpected);
            tools.forEach(requests::refuse);
            realCalls.forEach(requests::run);
        } finally {
            server.stop();
        }
        int sent = statuses.values().stream().mapToInt(Integer::intValue).sum();
        session.out().printf("Trained on %d tools with %d requests: %s.%n", tools.size(), sent, summary(statuses));
        unexpected.forEach(problem -> session.err().println("Unexpected: " + problem));
        return unexpected.isEmpty() ? 0 : ToolwireCli.FAILED;
    }

    /**
     * The run's settings: a free port, keys of its own, no contact with Hamsa, and no rate limit (the
     * run's few credentials send a few requests per tool, which a limit could refuse with 429).
     */
    static Map<String, Object> settings() {
        return Map.of(
                "micronaut.server.port", -1,
                "micronaut.server.host", "127.0.0.1",
                "toolwire.auth.jwt.secret", randomKey(),
                "toolwire.auth.header.values", List.of(randomKey()),
                "toolwire.rate-limit.enabled", false,
                "toolwire.sync.on-startup", false,
                "toolwire.hamsa.health-check-interval", "0s");
    }

    private Optional<ObjectNode> arguments(String tool, String json) {
        try {
            JsonNode arguments = Json.MAPPER.readTree(json);
            if (arguments instanceof ObjectNode object) {
                return Optional.of(object);
            }
        } catch (IOException notJson) {
            // reported below
        }
        session.err().println("--call " + tool + "=...: the arguments must be a JSON object, e.g. "
                + tool + "='{\"name\": \"value\"}'.");
        return Optional.empty();
    }

    private boolean fillsPlaceholders(RegisteredTool tool, ObjectNode arguments) {
        for (ToolDescriptor.PathParameter placeholder : tool.descriptor().pathParameters()) {
            String name = placeholder.name();
            JsonNode value = arguments.get(name);
            if (value == null || !value.isValueNode() || value.isNull()) {
                session.err().println("--call " + tool.name() + "=...: give a value for the path placeholder '" + name
                        + "' of " + tool.descriptor().path() + ".");
                return false;
            }
        }
        return true;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "train-" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    private static String summary(Map<Integer, Integer> statuses) {
        List<String> parts = new ArrayList<>();
        statuses.forEach((status, count) -> parts.add(count + " x " + status));
        return parts.isEmpty() ? "none sent" : String.join(", ", parts);
    }

    /** Sends the refused requests of one tool at a time and tallies their answers. */
    private record Requests(BlockingHttpClient http, LocalCredentials local,
                            Map<Integer, Integer> statuses, List<String> unexpected) {

        void refuse(RegisteredTool tool) {
            ToolDescriptor descriptor = tool.descriptor();
            AuthMode mode = tool.auth();
            boolean takesBody = takesBody(descriptor);
            if (mode != AuthMode.NONE) {
                send(tool, 401, "no credentials", UnaryOperator.identity());
            }
            if (mode == AuthMode.JWT) {
                String otherTool = local.token("toolwire-train", List.of(NO_TOOL), TOKEN_TTL);
                send(tool, 403, "a token for another tool", r -> r.bearerAuth(otherTool));
            }
            if (takesBody) {
                UnaryOperator<MutableHttpRequest<Object>> credential = credential(tool, mode);
                send(tool, 400, "a body that is not an object",
                        r -> credential.apply(r).contentType(MediaType.APPLICATION_JSON_TYPE).body("[]"));
            }
        }

        /** Calls the tool for real: path placeholders from the arguments, the rest as body or query. */
        void run(RegisteredTool tool, ObjectNode arguments) {
            ToolDescriptor descriptor = tool.descriptor();
            ObjectNode rest = arguments.deepCopy();
            Map<String, Object> pathValues = new HashMap<>();
            descriptor.pathParameters().forEach(p -> pathValues.put(p.name(), rest.remove(p.name()).asText()));
            UriBuilder uri = UriBuilder.of(UriTemplate.of(descriptor.path()).expand(pathValues));
            boolean takesBody = takesBody(descriptor);
            if (!takesBody) {
                // A JSON null is an absent query parameter.
                rest.properties().stream().filter(argument -> !argument.getValue().isNull()).forEach(argument ->
                        uri.queryParam(argument.getKey(), argument.getValue().isValueNode()
                                ? argument.getValue().asText() : argument.getValue().toString()));
            }
            UnaryOperator<MutableHttpRequest<Object>> credential =
                    credential(tool, tool.auth());
            MutableHttpRequest<Object> request = credential.apply(
                    HttpRequest.create(HttpMethod.parse(descriptor.method().name()), uri.toString()));
            if (takesBody) {
                request.contentType(MediaType.APPLICATION_JSON_TYPE).body(rest.toString());
            }
            int status = exchange(request);
            if (status < 200 || status > 299) {
                unexpected.add(tool.name() + ": the --call got " + status + ", expected 2xx");
            }
        }

        private UnaryOperator<MutableHttpRequest<Object>> credential(RegisteredTool tool, AuthMode mode) {
            return switch (mode) {
                case JWT -> {
                    String token = local.token("toolwire-train", List.of(tool.name()), TOKEN_TTL);
                    yield r -> r.bearerAuth(token);
                }
                case HEADER -> {
                    ToolCredentials.HeaderCredential header = local.header();
                    yield r -> r.header(header.name(), header.value());
                }
                default -> UnaryOperator.identity();
            };
        }

        private void send(RegisteredTool tool, int expected, String what,
                          UnaryOperator<MutableHttpRequest<Object>> customizer) {
            ToolDescriptor descriptor = tool.descriptor();
            Map<String, Object> nowhere = new HashMap<>();
            descriptor.pathParameters().forEach(p -> nowhere.put(p.name(), NO_LITERAL_SEGMENT));
            String path = UriTemplate.of(descriptor.path()).expand(nowhere);
            int status = exchange(customizer.apply(HttpRequest.create(HttpMethod.parse(descriptor.method().name()), path)));
            if (status != expected) {
                unexpected.add(tool.name() + ": " + what + " got " + status + ", expected " + expected);
            }
        }

        /** Sends a request, counts its status, and returns it. */
        private int exchange(MutableHttpRequest<Object> request) {
            request.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
            int status;
            try {
                status = http.exchange(request, String.class).code();
            } catch (HttpClientResponseException refused) {
                status = refused.code();
            } catch (HttpClientException noAnswer) {
                status = NO_ANSWER;
                unexpected.add(request.getMethodName() + " " + request.getPath() + ": no answer (" + noAnswer.getMessage() + ")");
            }
            statuses.merge(status, 1, Integer::sum);
            return status;
        }
    }

    private static boolean takesBody(ToolDescriptor descriptor) {
        return switch (descriptor.method()) {
            case POST, PUT, PATCH -> true;
            case GET, DELETE -> false;
        };
    }
}
