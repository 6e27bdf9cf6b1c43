package dev.toolwire.runtime.sync;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.HamsaConfiguration;
import dev.toolwire.runtime.ToolwireConfiguration;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.hamsa.WebToolBody;
import dev.toolwire.runtime.hamsa.WebToolMessage;
import dev.toolwire.runtime.hamsa.WebToolSettingsBody;
import io.micronaut.core.annotation.Internal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a descriptor into Hamsa's create/update web-tool body (SPEC §8): {@code {type: FUNCTION,
 * name, description, async, collectionId?, params, messages, toolSettings: {serverUrl, methodType,
 * timeOut, authToken?, httpHeaders?, pathParameters}}}. The server URL is {@code toolwire.public-url}
 * plus the tool's path with {@code {x}} written as {@code :x}; {@code timeOut} is in seconds; the
 * messages are {@code REQUEST_START} / {@code REQUEST_COMPLETE}, non-empty ones only. Not a bean, so
 * {@code describe --format hamsa} works when the sync is disabled.
 */
@Internal
public final class WebToolMapper {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final String publicUrl;
    private final @Nullable String collectionId;

    /**
     * Creates a mapper.
     *
     * @param publicUrl the public URL, with or without a trailing slash
     * @param collectionId the collection, or null
     */
    public WebToolMapper(String publicUrl, @Nullable String collectionId) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.collectionId = collectionId == null || collectionId.isBlank() ? null : collectionId;
    }

    /**
     * A mapper from configuration; without {@code toolwire.public-url},
     * {@code http://localhost:<port>} (good for {@code describe}, refused by the sync).
     *
     * @param toolwire the application settings
     * @param hamsa the Hamsa settings
     * @param port {@code micronaut.server.port}
     * @return the mapper
     */
    public static WebToolMapper of(ToolwireConfiguration toolwire, HamsaConfiguration hamsa, int port) {
        URI url = toolwire.publicUrl();
        String base = url == null ? "http://localhost:" + (port > 0 ? port : 8080) : url.toString();
        return new WebToolMapper(base, hamsa.collectionId());
    }

    /**
     * The public URL tools are served under.
     *
     * @return the URL, without a trailing slash
     */
    public String publicUrl() {
        return publicUrl;
    }

    /**
     * The collection tools are filed in.
     *
     * @return the collection id, or null
     */
    public @Nullable String collectionId() {
        return collectionId;
    }

    /**
     * The web-tool body of a tool.
     *
     * @param tool the descriptor
     * @param authToken the {@code authToken} to store (e.g. {@code Bearer <jwt>}), or null
     * @param httpHeaders the headers Hamsa should send, or null
     * @return the body
     */
    public WebToolBody toWebTool(ToolDescriptor tool, @Nullable String authToken, @Nullable Map<String, String> httpHeaders) {
        List<WebToolMessage> messages = new ArrayList<>();
        addMessage(messages, "REQUEST_START", tool.messages().start());
        addMessage(messages, "REQUEST_COMPLETE", tool.messages().complete());
        Map<String, String> pathParameters = new LinkedHashMap<>();
        for (ToolDescriptor.PathParameter p : tool.pathParameters()) {
            JsonNode def = p.defaultValue();
            pathParameters.put(p.name(), def == null ? "" : def.isTextual() ? def.asText() : def.toString());
        }
        WebToolSettingsBody settings = new WebToolSettingsBody(serverUrl(tool.path()), tool.method(), authToken,
                tool.timeoutSeconds(), httpHeaders, pathParameters);
        return new WebToolBody("FUNCTION", tool.name(), tool.description(), tool.async(), collectionId,
                Json.MAPPER.convertValue(tool.params(), MAP), messages, settings);
    }

    /**
     * The URL Hamsa calls: the public URL plus the path, {@code {x}} written as {@code :x}.
     *
     * @param path the tool's path
     * @return the URL
     */
    public String serverUrl(String path) {
        return publicUrl + path.replaceAll("\\{([^}/]+)}", ":$1");
    }

    /**
     * Whether a remote tool's URL is under this application's public URL, i.e. this application made it.
     *
     * @param serverUrl the remote {@code toolSettings.serverUrl}
     * @return whether it equals the public URL or continues it with {@code /}
     */
    public boolean isOurs(String serverUrl) {
        return serverUrl.equals(publicUrl) || serverUrl.startsWith(publicUrl + "/");
    }

    private static void addMessage(List<WebToolMessage> messages, String type, @Nullable String content) {
        if (content != null && !content.isBlank()) {
            messages.add(new WebToolMessage(type, content));
        }
    }
}
