package dev.toolwire.runtime.hamsa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Internal;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a web tool is, in neither dialect's spelling: the one model that a desired definition, a tool
 * read back from Hamsa, the plan and the diff share. {@link HamsaDialect} turns it into a request body;
 * {@link WebToolReader} makes it from an answer in either shape.
 *
 * @param type {@code FUNCTION} (or {@code MCP}, read back)
 * @param name the tool name
 * @param description what the agent reads to decide when to call it
 * @param async whether the agent keeps talking while the tool runs
 * @param collectionId the collection the tool is filed in, or null
 * @param params the JSON Schema of the arguments (read back, possibly only its properties)
 * @param messages the spoken messages by type ({@code REQUEST_START}, {@code REQUEST_COMPLETE}), in order
 * @param serverUrl the URL Hamsa calls, {@code :x} for path parameters; empty when unknown
 * @param methodType the HTTP method, upper case; empty when unknown
 * @param authType the guide dialect's {@code jwtAuth} or {@code none}; null when the answer did not say
 * @param authToken the {@code Authorization} value Hamsa sends (e.g. {@code Bearer <jwt>}), or null
 * @param timeoutSeconds how long Hamsa waits, in seconds, or null when unknown
 * @param httpHeaders extra headers Hamsa sends, by name
 * @param pathParameters each path parameter's default value, by name, in path order
 */
@Internal
public record WebToolDefinition(
        String type,
        String name,
        String description,
        boolean async,
        @Nullable String collectionId,
        ObjectNode params,
        Map<String, String> messages,
        String serverUrl,
        String methodType,
        @Nullable String authType,
        @Nullable String authToken,
        @Nullable BigDecimal timeoutSeconds,
        Map<String, String> httpHeaders,
        Map<String, String> pathParameters) {

    /** The guide dialect's {@code authType} of a tool that sends a bearer token. */
    public static final String JWT_AUTH = "jwtAuth";

    /** The guide dialect's {@code authType} of a tool that sends no token (headers may still carry a key). */
    public static final String NO_AUTH = "none";

    /**
     * Copies the maps, keeping their order.
     *
     * @param type the type
     * @param name the name
     * @param description the description
     * @param async the async flag
     * @param collectionId the collection
     * @param params the schema
     * @param messages the messages
     * @param serverUrl the URL
     * @param methodType the method
     * @param authType the auth type
     * @param authToken the token
     * @param timeoutSeconds the timeout
     * @param httpHeaders the headers
     * @param pathParameters the path parameters
     */
    public WebToolDefinition {
        messages = ordered(messages);
        httpHeaders = ordered(httpHeaders);
        pathParameters = ordered(pathParameters);
    }

    private static Map<String, String> ordered(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Masks the token and the header values. */
    @Override
    public String toString() {
        return "WebToolDefinition[name=" + name + ", type=" + type + ", serverUrl=" + serverUrl + ", methodType="
                + methodType + ", async=" + async + ", timeoutSeconds=" + timeoutSeconds + ", authType=" + authType
                + ", authToken=" + (authToken == null ? null : "****") + ", httpHeaders=" + httpHeaders.keySet()
                + "=****, pathParameters=" + pathParameters + ", collectionId=" + collectionId + ", messages=" + messages
                + "]";
    }
}
