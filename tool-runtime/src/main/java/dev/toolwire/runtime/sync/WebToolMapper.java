package dev.toolwire.runtime.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.HamsaConfiguration;
import dev.toolwire.runtime.ToolwireConfiguration;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.hamsa.WebToolDefinition;
import io.micronaut.core.annotation.Internal;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a descriptor into the definition of a Hamsa web tool (SPEC §8), which either dialect then
 * writes as its body: type {@code FUNCTION}; the server URL is {@code toolwire.public-url} plus the
 * tool's path with {@code {x}} written as {@code :x}; the timeout in seconds; the messages
 * {@code REQUEST_START} / {@code REQUEST_COMPLETE}, non-empty ones only. Not a bean, so
 * {@code describe --format hamsa} works when the sync is disabled.
 */
@Internal
public final class WebToolMapper {

    private final String publicUrl;
    private final @Nullable String collectionId;
    private final @Nullable String adopted;

    /**
     * Creates a mapper.
     *
     * @param publicUrl the public URL, with or without a trailing slash
     * @param collectionId the collection, or null
     */
    public WebToolMapper(String publicUrl, @Nullable String collectionId) {
        this(publicUrl, collectionId, null);
    }

    private WebToolMapper(String publicUrl, @Nullable String collectionId, @Nullable String adopted) {
        this.adopted = adopted == null ? null : withoutSlash(adopted);
        this.publicUrl = withoutSlash(publicUrl);
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
     * The definition of a tool, in the model both dialects write from.
     *
     * @param tool the descriptor
     * @param authToken the {@code authToken} to store (e.g. {@code Bearer <jwt>}), or null
     * @param httpHeaders the headers Hamsa should send, or null
     * @return the definition; its {@code authType} is {@code jwtAuth} with a token, else {@code none}
     */
    public WebToolDefinition toDefinition(ToolDescriptor tool, @Nullable String authToken,
            @Nullable Map<String, String> httpHeaders) {
        Map<String, String> messages = new LinkedHashMap<>();
        addMessage(messages, "REQUEST_START", tool.messages().start());
        addMessage(messages, "REQUEST_COMPLETE", tool.messages().complete());
        Map<String, String> pathParameters = new LinkedHashMap<>();
        for (ToolDescriptor.PathParameter p : tool.pathParameters()) {
            JsonNode def = p.defaultValue();
            pathParameters.put(p.name(), def == null ? "" : def.isTextual() ? def.asText() : def.toString());
        }
        return new WebToolDefinition("FUNCTION", tool.name(), tool.description(), tool.async(), collectionId,
                tool.params().deepCopy(), messages, serverUrl(tool.path()), tool.method().name(),
                authToken != null ? WebToolDefinition.JWT_AUTH : WebToolDefinition.NO_AUTH, authToken,
                BigDecimal.valueOf(tool.timeoutSeconds()), httpHeaders == null ? Map.of() : httpHeaders, pathParameters);
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
        return isUnder(serverUrl, publicUrl);
    }

    /**
     * Whether the sync may write to a remote tool: one under the public URL, or, for a tool whose name
     * the code has, one under the old public URL being adopted. An adopted URL's other tools are never
     * claimed: it may be a host other applications share.
     *
     * @param serverUrl the remote server URL
     * @param inCode whether the code has a tool of the remote tool's name
     * @return whether the tool is this application's
     */
    public boolean claims(String serverUrl, boolean inCode) {
        return isOurs(serverUrl) || inCode && isAdopted(serverUrl);
    }

    /**
     * A mapper that also claims the tools of the code's names under an old public URL, so they are
     * taken over in place ({@code sync --adopt-from}).
     *
     * @param oldPublicUrl the URL the application was published under before
     * @return the mapper
     * @throws IllegalArgumentException when one URL is the other or lies under it
     */
    public WebToolMapper adopting(String oldPublicUrl) {
        String old = withoutSlash(oldPublicUrl);
        if (isUnder(old, publicUrl) || isUnder(publicUrl, old)) {
            throw new IllegalArgumentException("--adopt-from " + shown(old) + " is the public URL " + shown(publicUrl)
                    + " or overlaps it; name the URL the application was published under before.");
        }
        return new WebToolMapper(publicUrl, collectionId, old);
    }

    /**
     * Whether a remote tool's URL is under the old public URL being adopted.
     *
     * @param serverUrl the remote server URL
     * @return whether it is adopted rather than already ours
     */
    public boolean isAdopted(String serverUrl) {
        return adopted != null && isUnder(serverUrl, adopted) && !isUnder(serverUrl, publicUrl);
    }

    /**
     * The public URL a remote tool of this name would be under if this application had been published
     * there: its URL less the tool's path, when it ends with that path.
     *
     * @param serverUrl the remote server URL
     * @param path the tool's path
     * @return the other public URL, or null when the URL does not end with the path
     */
    public @Nullable String baseOf(String serverUrl, String path) {
        String suffix = serverUrl(path).substring(publicUrl.length());
        return serverUrl.endsWith(suffix) && serverUrl.length() > suffix.length()
                ? serverUrl.substring(0, serverUrl.length() - suffix.length()) : null;
    }

    /**
     * A URL as plans and messages show it: without user information, query or fragment, which may
     * hold secrets of another application.
     *
     * @param url the URL as Hamsa answered it
     * @return scheme, host, port and path; the text up to any {@code ?} when it is not a URL
     */
    public static String shown(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() != null) {
                return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
            }
        } catch (URISyntaxException e) {
            // shown cut below
        }
        int cut = url.indexOf('?');
        return cut < 0 ? url : url.substring(0, cut);
    }

    private static boolean isUnder(String serverUrl, String base) {
        return serverUrl.equals(base) || serverUrl.startsWith(base + "/");
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void addMessage(Map<String, String> messages, String type, @Nullable String content) {
        if (content != null && !content.isBlank()) {
            messages.put(type, content);
        }
    }
}
