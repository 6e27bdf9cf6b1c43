package dev.toolwire.testing.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.LocalToolCredentials;
import dev.toolwire.runtime.ToolInfo;
import dev.toolwire.runtime.ToolRegistry;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Calls the application's tools in a {@code @MicronautTest}, exactly as Hamsa would: over the real
 * HTTP stack of the test's embedded server, at each tool's method and path, with its path
 * placeholders filled from the arguments, the other arguments in the query ({@code GET},
 * {@code DELETE}) or a JSON body, and a valid credential made for the test (a JWT scoped to the
 * tool, or the auth header). Inject it:
 *
 * <pre>{@code
 * @MicronautTest
 * class CustomerToolsTest {
 *     @Inject ToolClient tools;
 *
 *     @Test
 *     void knownPhone() {
 *         tools.call("lookup_customer", Map.of("phone_number", "+971501234567"))
 *              .assertOk();
 *     }
 *
 *     @Test
 *     void noToken() {
 *         tools.withoutCredentials().call("lookup_customer", Map.of("phone_number", "+971501234567"))
 *              .assertError(401, "UNAUTHORIZED");
 *     }
 * }
 * }</pre>
 *
 * Credentials are signed with the key the server verifies with, configured or the ephemeral one of
 * a local start; with only a JWKS configured, pass tokens with {@link #withToken(String)}.
 */
@Singleton
public final class ToolClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TOKEN_TTL = Duration.ofHours(1);
    private static final String SUBJECT = "tool-client";

    private final HttpClient http;
    private final JsonMapper json;
    private final ToolRegistry registry;
    private final LocalToolCredentials credentials;
    /** The headers every call sends instead of the automatic credential; null for automatic. */
    private final @Nullable Map<String, String> fixedCredentials;
    /** Each tool's parameter schema, parsed once, shared by the clients {@code with...} derives. */
    private final Map<String, JsonNode> schemas;

    ToolClient(@Client("/") HttpClient http, JsonMapper json, ToolRegistry registry, LocalToolCredentials credentials) {
        this(http, json, registry, credentials, null, new ConcurrentHashMap<>());
    }

    private ToolClient(HttpClient http, JsonMapper json, ToolRegistry registry, LocalToolCredentials credentials,
            @Nullable Map<String, String> fixedCredentials, Map<String, JsonNode> schemas) {
        this.http = http;
        this.json = json;
        this.registry = registry;
        this.credentials = credentials;
        this.fixedCredentials = fixedCredentials;
        this.schemas = schemas;
    }

    /**
     * Calls a tool without arguments.
     *
     * @param tool the tool name
     * @return what it answered, success or not
     * @throws IllegalArgumentException for an unknown tool
     */
    public ToolResponse call(String tool) {
        return call(tool, Map.of());
    }

    /**
     * Calls a tool.
     *
     * @param tool the tool name
     * @param arguments the arguments by wire name; values are anything the application's
     *     {@code JsonMapper} writes ({@code LocalDate}, records, lists, enums...), sent the way the tool
     *     reads them: an enum constant as the schema spells it ({@code HOME_DELIVERY} as
     *     {@code home_delivery}), a record's components by their wire names ({@code deliveryDate} as
     *     {@code delivery_date})
     * @return what it answered, success or not
     * @throws IllegalArgumentException for an unknown tool, or when a path argument is missing
     */
    public ToolResponse call(String tool, Map<String, ?> arguments) {
        ToolInfo info = registry.require(tool);
        JsonNode written;
        try {
            written = MAPPER.readTree(json.writeValueAsString(arguments));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the arguments of " + tool + " as JSON", e);
        }
        return send(info, (ObjectNode) WireShape.conform(written, parametersSchema(info)));
    }

    /** A tool's parameter schema, parsed once per tool. */
    private JsonNode parametersSchema(ToolInfo tool) {
        return schemas.computeIfAbsent(tool.name(), name -> {
            try {
                return MAPPER.readTree(tool.parametersSchema());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the parameter schema of " + name, e);
            }
        });
    }

    /**
     * Calls a tool with arguments written as JSON.
     *
     * @param tool the tool name
     * @param argumentsJson a JSON object, e.g. {@code {"phone_number": "+971501234567"}}
     * @return what it answered, success or not
     * @throws IllegalArgumentException for an unknown tool, a missing path argument, or text that is
     *     not a JSON object
     */
    public ToolResponse call(String tool, String argumentsJson) {
        JsonNode arguments;
        try {
            arguments = MAPPER.readTree(argumentsJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("The arguments are not JSON: " + e.getMessage(), e);
        }
        if (!arguments.isObject()) {
            throw new IllegalArgumentException("The arguments must be a JSON object, e.g. {\"order_id\": \"ORD-1\"}.");
        }
        return send(registry.require(tool), (ObjectNode) arguments);
    }

    /**
     * A client that sends this bearer token instead of the automatic credential, e.g. an expired
     * one or one scoped to another tool, to test auth failures.
     *
     * @param jwt the compact JWT, without {@code Bearer }
     * @return a new client; this one is unchanged
     */
    public ToolClient withToken(String jwt) {
        return withCredentials(Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + jwt));
    }

    /**
     * A client that sends this header instead of the automatic credential.
     *
     * @param name the header name, e.g. {@code X-API-Key}
     * @param value its value
     * @return a new client; this one is unchanged
     */
    public ToolClient withHeader(String name, String value) {
        return withCredentials(Map.of(name, value));
    }

    /**
     * A client that sends no credential at all.
     *
     * @return a new client; this one is unchanged
     */
    public ToolClient withoutCredentials() {
        return withCredentials(Map.of());
    }

    /**
     * A token the server accepts for exactly these tools, valid for an hour: with
     * {@link #withToken(String)}, a token for one tool calling another tests {@code 403 FORBIDDEN}.
     *
     * @param tools the tool names in its {@code scope}; {@code *} for all
     * @return the compact JWT
     */
    public String tokenFor(String... tools) {
        return credentials.token(SUBJECT, Arrays.asList(tools), TOKEN_TTL);
    }

    private ToolClient withCredentials(Map<String, String> headers) {
        return new ToolClient(http, json, registry, credentials, Map.copyOf(headers), schemas);
    }

    private ToolResponse send(ToolInfo tool, ObjectNode arguments) {
        MutableHttpRequest<?> request = ToolRequests.of(tool, arguments);
        credentialsFor(tool).forEach(request::header);
        HttpResponse<?> response;
        try {
            response = http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException failed) {
            response = failed.getResponse();
        }
        String text = response.getBody(String.class).orElse("");
        try {
            JsonNode body = text.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
            return new ToolResponse(tool.name(), response.code(), response.getHeaders().get("X-Request-Id"), body);
        } catch (IOException e) {
            throw new UncheckedIOException(tool.name() + " answered " + response.code() + " with a body that is not JSON: "
                    + text, e);
        }
    }

    private Map<String, String> credentialsFor(ToolInfo tool) {
        return fixedCredentials != null ? fixedCredentials : credentials.headersFor(tool.name(), SUBJECT, TOKEN_TTL);
    }
}
