package dev.toolwire.runtime.hamsa;

import dev.toolwire.runtime.HamsaConfiguration;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.type.Argument;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The web-tool endpoints of Hamsa's REST API, on Micronaut's HTTP client: list (all pages), create,
 * update, get one, toggle activation and test. Creates and updates are not repeated after a 5xx or
 * a lost answer, because they may have taken effect; the caller decides (see
 * {@link HamsaApiException#isOutcomeUnknown()}).
 */
@Singleton
@Internal
public final class HamsaClient implements AutoCloseable {

    private static final String V2 = "/v2/voice-agents/web-tool";
    private static final String V1 = "/v1/voice-agents/web-tool";

    private final URI baseUrl;
    private final @Nullable String apiKey;
    private final int pageSize;
    private final JsonMapper json;
    private final HamsaConfiguration config;
    private @Nullable HttpClient http;
    private @Nullable HamsaTransport transport;

    /**
     * Creates the client; no connection is made until the first call.
     *
     * @param config the {@code toolwire.hamsa.*} settings
     * @param properties for the {@code HAMSA_API_KEY} and {@code HAMSA_BASE_URL} environment variables
     * @param json the JSON mapper
     */
    @Inject
    public HamsaClient(HamsaConfiguration config, PropertyResolver properties, JsonMapper json) {
        this.config = config;
        this.json = json;
        this.apiKey = normaliseKey(config.apiKey() != null ? config.apiKey()
                : properties.get("hamsa.api-key", String.class).orElse(null));
        URI url = config.baseUrl() != null ? config.baseUrl()
                : properties.get("hamsa.base-url", URI.class).orElse(URI.create(HamsaConfiguration.DEFAULT_BASE_URL));
        String text = url.toString();
        this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.pageSize = Math.max(1, config.pageSize());
    }

    /**
     * Whether an API key is configured.
     *
     * @return whether {@code toolwire.hamsa.api-key} or {@code HAMSA_API_KEY} is set
     */
    public boolean hasApiKey() {
        return apiKey != null;
    }

    /**
     * The base URL requests go to.
     *
     * @return the URL, without a trailing slash
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Every web tool of the project, reading pages {@code skip = 1, 2, ...} until a short or empty page
     * or {@code total} is reached.
     *
     * @param search a name filter, or null for all
     * @return the tools, in Hamsa's order
     */
    public List<WebTool> listWebTools(@Nullable String search) {
        List<WebTool> all = new ArrayList<>();
        for (int page = 1; page <= 10_000; page++) {
            String query = "?skip=" + page + "&take=" + pageSize
                    + (search == null ? "" : "&search=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
            JsonNode data = transport().send(new HamsaTransport.Call(HttpMethod.GET, V2 + "/list" + query, null, true));
            JsonNode items = data.isArray() ? data : data.isObject() ? data.get("items") : null;
            List<WebTool> tools = items == null || !items.isArray() ? List.of() : read(items, Argument.listOf(WebTool.class));
            all.addAll(tools);
            JsonNode total = data.isObject() ? data.get("total") : null;
            boolean more = total != null && total.isNumber() ? all.size() < total.getIntValue() : tools.size() >= pageSize;
            if (tools.isEmpty() || !more || data.isArray()) {
                break;
            }
        }
        return all;
    }

    /**
     * Asks for the first page of one web tool, only to learn whether Hamsa answers and accepts the
     * key: one request, however many tools there are.
     *
     * @throws HamsaApiException when Hamsa cannot be reached or refuses the call
     */
    public void probe() {
        transport().send(new HamsaTransport.Call(HttpMethod.GET, V2 + "/list?skip=1&take=1", null, true));
    }

    /**
     * Creates a web tool ({@code POST /v2/voice-agents/web-tool}). Repeated only after a 429.
     *
     * @param body the definition
     * @return the created tool, with its {@code id} and {@code version}
     */
    public WebTool createWebTool(WebToolBody body) {
        return tool(new HamsaTransport.Call(HttpMethod.POST, V2, body, false));
    }

    /**
     * Updates a web tool with a full definition ({@code PATCH /v2/voice-agents/web-tool/{id}}). Hamsa
     * may answer with a new version, with a new {@code id}. Repeated only after a 429.
     *
     * @param id the tool's id
     * @param body the definition
     * @return the tool as answered
     */
    public WebTool updateWebTool(String id, WebToolBody body) {
        return tool(new HamsaTransport.Call(HttpMethod.PATCH, V2 + "/" + encode(id), body, false));
    }

    /**
     * Reads one web tool ({@code GET /v1/voice-agents/web-tool/{id}}, the only documented "get one").
     *
     * @param id the tool's id
     * @return the tool
     */
    public WebTool getWebTool(String id) {
        return tool(new HamsaTransport.Call(HttpMethod.GET, V1 + "/" + encode(id), null, true));
    }

    /**
     * Activates or deactivates a web tool ({@code POST /v1/voice-agents/web-tool/toggle-activation}).
     * The body {@code {id, isActive}} is a guess: Hamsa does not document it.
     *
     * @param id the tool's id
     * @param active the state wanted
     */
    public void setActivation(String id, boolean active) {
        transport().send(new HamsaTransport.Call(HttpMethod.POST, V1 + "/toggle-activation",
                new ToggleActivationBody(id, active), true));
    }

    private WebTool tool(HamsaTransport.Call call) {
        JsonNode data = transport().send(call);
        if (!data.isObject()) {
            throw new HamsaApiException(HamsaApiException.Kind.REJECTED, 200, call.method().name(), call.path(), null,
                    "the answer has no tool in 'data'", "", null);
        }
        return read(data, Argument.of(WebTool.class));
    }

    private <T> T read(JsonNode node, Argument<T> type) {
        try {
            return json.readValueFromTree(node, type);
        } catch (IOException | RuntimeException e) {
            throw new HamsaApiException(HamsaApiException.Kind.REJECTED, 200, "GET", "(answer)", null,
                    "the answer could not be read as " + type.getTypeName() + ": " + e.getMessage(), "", e);
        }
    }

    private synchronized HamsaTransport transport() {
        HamsaTransport current = transport;
        if (current == null) {
            DefaultHttpClientConfiguration settings = new DefaultHttpClientConfiguration();
            settings.setReadTimeout(config.readTimeout());
            settings.setFollowRedirects(false);
            try {
                http = HttpClient.create(baseUrl.toURL(), settings);
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalStateException("toolwire.hamsa.base-url is not a URL: " + baseUrl, e);
            }
            current = new HamsaTransport(http, json, apiKey == null ? "" : apiKey,
                    new RequestPacer(config.requestsPerMinute()), new Backoff(config.backoff(), config.maxBackoff()),
                    config.maxAttempts(), config.maxRetryWait());
            transport = current;
        }
        return current;
    }

    /** Closes the HTTP client. */
    @Override
    @PreDestroy
    public synchronized void close() {
        if (http != null) {
            http.close();
            http = null;
            transport = null;
        }
    }

    /** Trims the key and drops a leading {@code Token } that some setups store with it. */
    static @Nullable String normaliseKey(@Nullable String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String trimmed = key.trim();
        return trimmed.toLowerCase(Locale.ROOT).startsWith("token ") ? trimmed.substring(6).trim() : trimmed;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
