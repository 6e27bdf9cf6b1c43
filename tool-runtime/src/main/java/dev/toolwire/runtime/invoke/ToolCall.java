package dev.toolwire.runtime.invoke;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.ToolException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The raw arguments of one call, before merging: decoded path placeholders, query parameters and
 * the JSON object body.
 *
 * @param pathValues the path placeholders by name
 * @param query the query parameters by name, values in order
 * @param body the body, or {@code null} when there was none
 *
 * @since 0.1
 */
public record ToolCall(Map<String, String> pathValues, Map<String, List<String>> query, @Nullable ObjectNode body) {

    /** The deepest nesting of arrays and objects a body may have; deeper is malformed, not a stack overflow. */
    static final int MAX_NESTING_DEPTH = 64;
    /** The longest number literal a body may have, in characters. */
    static final int MAX_NUMBER_LENGTH = 100;

    /**
     * Reads untrusted bodies: the descriptor mapper's settings, plus tight parser limits on nesting,
     * number length and name length (Jackson's {@link StreamReadConstraints}).
     */
    private static final ObjectMapper BODY_MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .maxNameLength(1024)
                            .build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * Copies the maps.
     *
     * @param pathValues the path placeholders
     * @param query the query parameters
     * @param body the body
     */
    public ToolCall {
        pathValues = Map.copyOf(pathValues);
        query = Map.copyOf(query);
    }

    /**
     * A call with only a body, as the {@code call} command makes.
     *
     * @param body the body, or {@code null}
     * @return the call
     */
    public static ToolCall ofBody(@Nullable ObjectNode body) {
        return new ToolCall(Map.of(), Map.of(), body);
    }

    /**
     * Parses a request body, which must be empty or a JSON object.
     *
     * @param body the UTF-8 bytes
     * @return the object, or {@code null} for an empty body
     * @throws ToolException {@code 400 MALFORMED_REQUEST} when it is not JSON (including invalid UTF-8
     *     and anything past the parser limits) or not an object
     */
    public static @Nullable ObjectNode parseBody(byte[] body) {
        if (isBlank(body)) {
            return null;
        }
        JsonNode node;
        try {
            node = BODY_MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ToolException(400, ToolFailures.MALFORMED_REQUEST,
                    "Tool call rejected: the request body is not valid JSON.");
        }
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (!NumberLimits.reasonable(node)) {
            throw new ToolException(400, ToolFailures.MALFORMED_REQUEST,
                    "Tool call rejected: a number in the request body is out of range.");
        }
        if (!node.isObject()) {
            throw new ToolException(400, ToolFailures.MALFORMED_REQUEST,
                    "Tool call rejected: the request body must be a JSON object of arguments.");
        }
        return (ObjectNode) node;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
