package dev.toolwire.runtime.hamsa;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Internal;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The two ways Hamsa's documents describe the web-tool API (hamsa-api.md §8.1–8.2). Each knows its
 * paths and writes the request body of a {@link WebToolDefinition}; answers in either shape are read
 * by one liberal reader, whatever the dialect.
 *
 * <ul>
 *   <li>{@link #REFERENCE}: the API reference pages. {@code /v2/voice-agents/web-tool[/list|/{id}]};
 *       {@code {type, name, description, async, collectionId?, params, messages, toolSettings:
 *       {serverUrl, methodType, authToken?, timeOut, httpHeaders?: {k: v}, pathParameters: {k: v}}}}.
 *   <li>{@link #GUIDE}: the integration and tool-system guides. {@code /v2/web-tool[/list|/{id}]}; a
 *       flat {@code {name, description, methodType, url, async, timeoutSeconds, authType ("jwtAuth" or
 *       "none"), authToken?, headers?: [{name, value}], pathParameters: [{name, defaultValue}],
 *       parameters, messages, collectionId?}}. {@code messages} and {@code collectionId} are not in the
 *       guides; they are sent in the reference spelling, a guess.
 * </ul>
 * Both use {@code POST /v1/voice-agents/web-tool/toggle-activation}, the only path either document
 * gives for it.
 */
@Internal
public enum HamsaDialect {

    /** The API reference pages' paths and nested body. */
    REFERENCE("/v2/voice-agents/web-tool"),
    /** The guides' paths and flat body. */
    GUIDE("/v2/web-tool");

    /** The property that chooses the dialect, {@value}. */
    public static final String PROPERTY = "toolwire.hamsa.dialect";

    private static final String TOGGLE = "/v1/voice-agents/web-tool/toggle-activation";

    private final String root;

    HamsaDialect(String root) {
        this.root = root;
    }

    /**
     * Reads a {@value #PROPERTY} value.
     *
     * @param value {@code auto}, {@code reference} or {@code guide}, any case
     * @return the dialect, or empty for {@code auto}
     * @throws IllegalArgumentException for any other value, naming the property and the choices
     */
    public static Optional<HamsaDialect> parse(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("auto")) {
            return Optional.empty();
        }
        for (HamsaDialect dialect : values()) {
            if (dialect.label().equals(wanted)) {
                return Optional.of(dialect);
            }
        }
        throw new IllegalArgumentException(PROPERTY + " must be auto, reference or guide; it is '" + value + "'.");
    }

    /**
     * The name users write: {@code reference} or {@code guide}.
     *
     * @return the label
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The list path, without query.
     *
     * @return e.g. {@code /v2/voice-agents/web-tool/list}
     */
    public String listPath() {
        return root + "/list";
    }

    /**
     * The create path.
     *
     * @return e.g. {@code /v2/voice-agents/web-tool}
     */
    public String createPath() {
        return root;
    }

    /**
     * The update path of one tool.
     *
     * @param encodedId the tool's id, already encoded as a path segment
     * @return e.g. {@code /v2/voice-agents/web-tool/<id>}
     */
    public String updatePath(String encodedId) {
        return root + "/" + encodedId;
    }

    /**
     * The toggle-activation path.
     *
     * @return {@code /v1/voice-agents/web-tool/toggle-activation}
     */
    public String togglePath() {
        return TOGGLE;
    }

    /**
     * The create or update body of a definition. Null members and {@code authType} are left out of
     * the reference body; the guide body always carries {@code authType}.
     *
     * @param tool the definition
     * @return the body
     */
    public ObjectNode body(WebToolDefinition tool) {
        return this == REFERENCE ? referenceBody(tool) : guideBody(tool);
    }

    /**
     * How this dialect spells a field of the model in a plan line: the model uses the reference
     * spelling ({@code toolSettings.serverUrl}, {@code params.properties.x}); the guide says
     * {@code url}, {@code parameters.properties.x}, {@code headers.X-Key}, {@code timeoutSeconds}.
     *
     * @param path a model path
     * @return the path in this dialect
     */
    public String spell(String path) {
        if (this == REFERENCE) {
            return path;
        }
        if (path.startsWith("params")) {
            return "parameters" + path.substring("params".length());
        }
        return switch (path) {
            case "toolSettings.serverUrl" -> "url";
            case "toolSettings.timeOut" -> "timeoutSeconds";
            default -> path.startsWith("toolSettings.httpHeaders.")
                    ? "headers." + path.substring("toolSettings.httpHeaders.".length())
                    : path.startsWith("toolSettings.") ? path.substring("toolSettings.".length()) : path;
        };
    }

    private static ObjectNode referenceBody(WebToolDefinition tool) {
        ObjectNode body = HamsaJson.MAPPER.createObjectNode();
        body.put("type", tool.type()).put("name", tool.name()).put("description", tool.description())
                .put("async", tool.async());
        putIfPresent(body, "collectionId", tool.collectionId());
        body.set("params", tool.params().deepCopy());
        body.set("messages", messages(tool.messages()));
        ObjectNode settings = body.putObject("toolSettings");
        settings.put("serverUrl", tool.serverUrl()).put("methodType", tool.methodType());
        putIfPresent(settings, "authToken", tool.authToken());
        putTimeout(settings, "timeOut", tool.timeoutSeconds());
        if (!tool.httpHeaders().isEmpty()) {
            settings.set("httpHeaders", map(tool.httpHeaders()));
        }
        settings.set("pathParameters", map(tool.pathParameters()));
        return body;
    }

    private static ObjectNode guideBody(WebToolDefinition tool) {
        ObjectNode body = HamsaJson.MAPPER.createObjectNode();
        body.put("name", tool.name()).put("description", tool.description()).put("methodType", tool.methodType())
                .put("url", tool.serverUrl()).put("async", tool.async());
        putTimeout(body, "timeoutSeconds", tool.timeoutSeconds());
        String authType = tool.authType() != null ? tool.authType()
                : tool.authToken() != null ? WebToolDefinition.JWT_AUTH : WebToolDefinition.NO_AUTH;
        body.put("authType", authType);
        putIfPresent(body, "authToken", tool.authToken());
        if (!tool.httpHeaders().isEmpty()) {
            body.set("headers", list(tool.httpHeaders(), "value"));
        }
        body.set("pathParameters", list(tool.pathParameters(), "defaultValue"));
        body.set("parameters", tool.params().deepCopy());
        body.set("messages", messages(tool.messages()));
        putIfPresent(body, "collectionId", tool.collectionId());
        return body;
    }

    private static ArrayNode messages(Map<String, String> messages) {
        ArrayNode array = HamsaJson.MAPPER.createArrayNode();
        messages.forEach((type, content) -> array.addObject().put("type", type).put("content", content));
        return array;
    }

    private static ObjectNode map(Map<String, String> entries) {
        ObjectNode map = HamsaJson.MAPPER.createObjectNode();
        entries.forEach(map::put);
        return map;
    }

    private static ArrayNode list(Map<String, String> entries, String valueKey) {
        ArrayNode list = HamsaJson.MAPPER.createArrayNode();
        entries.forEach((name, value) -> list.addObject().put("name", name).put(valueKey, value));
        return list;
    }

    private static void putTimeout(ObjectNode node, String field, @Nullable BigDecimal seconds) {
        if (seconds == null) {
            return;
        }
        BigDecimal plain = seconds.stripTrailingZeros();
        if (plain.scale() <= 0 && plain.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
            node.put(field, plain.intValueExact());
        } else {
            node.put(field, plain);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
