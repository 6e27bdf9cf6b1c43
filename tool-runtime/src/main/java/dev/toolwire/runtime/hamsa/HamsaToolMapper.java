package dev.toolwire.runtime.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.HamsaConfiguration;
import dev.toolwire.runtime.ToolwireConfiguration;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns a descriptor into the body of Hamsa's create and update web-tool requests:
 * {@code {type, name, description, async, collectionId?, params, messages, toolSettings}}. The
 * server URL is {@code toolwire.public-url} plus the tool's path, with {@code {x}} written as
 * {@code :x}. The auth fields ({@code authToken}, {@code httpHeaders}) are added by
 * {@link HamsaAuthSettings}.
 */
@Singleton
@Internal
public final class HamsaToolMapper {

    private final String publicUrl;
    private final @Nullable String collectionId;

    /**
     * Creates the mapper.
     *
     * @param toolwire the application settings, for {@code toolwire.public-url}
     * @param hamsa the Hamsa settings, for {@code toolwire.hamsa.collection-id}
     * @param port {@code micronaut.server.port}, used when no public URL is set
     */
    public HamsaToolMapper(
            ToolwireConfiguration toolwire,
            HamsaConfiguration hamsa,
            @Value("${micronaut.server.port:8080}") int port) {
        URI url = toolwire.publicUrl();
        String base = url == null ? "http://localhost:" + (port > 0 ? port : 8080) : url.toString();
        this.publicUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.collectionId = hamsa.collectionId() == null || hamsa.collectionId().isBlank() ? null : hamsa.collectionId();
    }

    /**
     * The Hamsa web-tool request body for a tool.
     *
     * @param tool the descriptor
     * @return the body, keys in Hamsa's documented order
     */
    public ObjectNode toWebTool(ToolDescriptor tool) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("type", "FUNCTION");
        body.put("name", tool.name());
        body.put("description", tool.description());
        body.put("async", tool.async());
        Optional.ofNullable(collectionId).ifPresent(id -> body.put("collectionId", id));
        body.set("params", tool.params().deepCopy());
        ArrayNode messages = body.putArray("messages");
        addMessage(messages, "REQUEST_START", tool.messages().start());
        addMessage(messages, "REQUEST_COMPLETE", tool.messages().complete());
        ObjectNode settings = body.putObject("toolSettings");
        settings.put("serverUrl", serverUrl(tool.path()));
        settings.put("methodType", tool.method());
        settings.put("timeOut", tool.timeoutSeconds());
        ObjectNode pathParameters = settings.putObject("pathParameters");
        for (ToolDescriptor.PathParameter p : tool.pathParameters()) {
            JsonNode def = p.defaultValue();
            pathParameters.put(p.name(), def == null ? "" : def.isTextual() ? def.asText() : def.toString());
        }
        return body;
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

    private static void addMessage(ArrayNode messages, String type, @Nullable String content) {
        if (content != null && !content.isBlank()) {
            messages.addObject().put("type", type).put("content", content);
        }
    }
}
