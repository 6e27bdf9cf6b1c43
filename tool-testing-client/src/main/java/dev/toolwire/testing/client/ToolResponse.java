package dev.toolwire.testing.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a tool answered over HTTP: the status, the {@code X-Request-Id} header and the JSON body,
 * with access by JSONPath (the expressions a Hamsa flow extracts values with) and fluent assertions.
 *
 * <pre>{@code
 * client.call("lookup_customer", Map.of("phone_number", "+971501234567"))
 *       .assertOk()
 *       .get("$.name");                       // "Layla Haddad"
 * client.call("lookup_customer", Map.of("phone_number", "+15550000000"))
 *       .assertError(404, "NOT_FOUND");
 * }</pre>
 */
public final class ToolResponse {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String tool;
    private final int status;
    private final @Nullable String requestId;
    private final JsonNode body;

    ToolResponse(String tool, int status, @Nullable String requestId, JsonNode body) {
        this.tool = tool;
        this.status = status;
        this.requestId = requestId;
        this.body = body;
    }

    /**
     * The HTTP status.
     *
     * @return e.g. 200, 404
     */
    public int status() {
        return status;
    }

    /**
     * The {@code X-Request-Id} header every Toolwire answer carries.
     *
     * @return the request id, or {@code null} when the answer had none
     */
    public @Nullable String requestId() {
        return requestId;
    }

    /**
     * The whole body.
     *
     * @return the parsed JSON; an empty object when the body was empty
     */
    public JsonNode json() {
        return body;
    }

    /**
     * The node at a JSONPath.
     *
     * @param jsonPath e.g. {@code $.items[0].name}
     * @return the node; {@link JsonNode#isMissingNode() missing} when the path leads nowhere
     */
    public JsonNode node(String jsonPath) {
        return JsonPathQuery.select(body, jsonPath);
    }

    /**
     * The value at a JSONPath as plain Java: {@code String}, {@code Integer}/{@code Long}/{@code
     * BigInteger}, {@code Double}, {@code Boolean}, {@code List}, {@code Map}, or {@code null} for
     * JSON null.
     *
     * @param jsonPath e.g. {@code $.customer_id}
     * @return the value
     * @throws AssertionError when the path leads nowhere (a test failure that shows the body)
     */
    public @Nullable Object get(String jsonPath) {
        JsonNode node = node(jsonPath);
        if (node.isMissingNode()) {
            throw failure("expected a value at " + jsonPath);
        }
        return MAPPER.convertValue(node, new TypeReference<Object>() {});
    }

    /**
     * Whether the call succeeded: a 2xx status and not the error envelope.
     *
     * @return whether it succeeded
     */
    public boolean isSuccess() {
        return status >= 200 && status < 300 && !body.path("error").isObject();
    }

    /**
     * The envelope's {@code error.code}.
     *
     * @return e.g. {@code NOT_FOUND}, or {@code null} for a success
     */
    public @Nullable String errorCode() {
        return textOrNull(body.path("error").path("code"));
    }

    /**
     * The envelope's {@code error.message}: the sentence the agent would say.
     *
     * @return the message, or {@code null} for a success
     */
    public @Nullable String errorMessage() {
        return textOrNull(body.path("error").path("message"));
    }

    /**
     * The envelope's {@code error.details}: one entry per problem, e.g. per schema violation.
     *
     * @return the details, empty for a success
     */
    public List<Detail> errorDetails() {
        List<Detail> details = new ArrayList<>();
        for (JsonNode detail : body.path("error").path("details")) {
            details.add(new Detail(detail.path("path").asText(""), detail.path("message").asText("")));
        }
        return details;
    }

    /**
     * Fails unless the status is 200.
     *
     * @return this, to go on
     * @throws AssertionError showing the status and body otherwise
     */
    public ToolResponse assertOk() {
        return assertStatus(200);
    }

    /**
     * Fails unless the status is the given one.
     *
     * @param expected the status
     * @return this
     * @throws AssertionError showing the status and body otherwise
     */
    public ToolResponse assertStatus(int expected) {
        if (status != expected) {
            throw failure("expected status " + expected);
        }
        return this;
    }

    /**
     * Fails unless the call answered the error envelope with this code.
     *
     * @param code e.g. {@code NOT_FOUND}, {@code INVALID_ARGUMENTS}
     * @return this
     * @throws AssertionError showing the status and body otherwise
     */
    public ToolResponse assertError(String code) {
        if (isSuccess() || !code.equals(errorCode())) {
            throw failure("expected error " + code);
        }
        return this;
    }

    /**
     * Fails unless the call answered this status with the error envelope of this code.
     *
     * @param expectedStatus e.g. 404
     * @param code e.g. {@code NOT_FOUND}
     * @return this
     * @throws AssertionError showing the status and body otherwise
     */
    public ToolResponse assertError(int expectedStatus, String code) {
        return assertStatus(expectedStatus).assertError(code);
    }

    @Override
    public String toString() {
        return tool + " answered " + status + " " + body;
    }

    private AssertionError failure(String expectation) {
        return new AssertionError(expectation + ", but " + this);
    }

    private static @Nullable String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    /**
     * One entry of the envelope's {@code details}.
     *
     * @param path the JSON pointer of the argument concerned, e.g. {@code /phone_number}
     * @param message what is wrong with it
     */
    public record Detail(String path, String message) {}
}
