package dev.toolwire.runtime.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One run against Hamsa (a sync, a check): the dialect it speaks, found out once and kept, and the
 * run's budget for waiting on rate limits. With {@code toolwire.hamsa.dialect=auto} the first list
 * asks the reference path; a 404 there means the account answers the guide's path, which is asked
 * next. Not thread-safe; one run, one thread.
 */
@Internal
public final class HamsaSession {

    private final HamsaTransport transport;
    private final int pageSize;
    private final WaitBudget budget;
    private final boolean detect;
    private HamsaDialect dialect;
    private @Nullable String detection;

    HamsaSession(HamsaTransport transport, @Nullable HamsaDialect configured, int pageSize, WaitBudget budget) {
        this.transport = transport;
        this.pageSize = pageSize;
        this.budget = budget;
        this.detect = configured == null;
        this.dialect = configured == null ? HamsaDialect.REFERENCE : configured;
    }

    /**
     * The dialect this run speaks; with {@code auto}, found out by listing first when not yet known.
     *
     * @return the dialect
     */
    public HamsaDialect dialect() {
        if (detect && detection == null) {
            page(1, 1, null);
        }
        return dialect;
    }

    /**
     * How the dialect was chosen, for the plan's first line.
     *
     * @return e.g. {@code configured}, or {@code auto-detected: GET /v2/web-tool/list answered}
     */
    public String dialectSource() {
        dialect();
        return detect ? "auto-detected: " + detection : "configured";
    }

    /**
     * Every web tool of the project, all pages, however the server pages ({@link ListPager}).
     *
     * @return the listing
     */
    public WebToolListing list() {
        return listing(null);
    }

    /**
     * The web tools Hamsa finds for a name ({@code search}), all pages; the caller still matches the
     * name exactly, since the search may match more, or be ignored.
     *
     * @param name the tool name
     * @return the listing
     */
    public WebToolListing find(String name) {
        return listing(name);
    }

    /**
     * Asks for one page of one web tool: whether Hamsa answers and accepts the key.
     *
     * @throws HamsaApiException when Hamsa cannot be reached or refuses the call
     */
    public void probe() {
        page(1, 1, null);
    }

    /**
     * Creates a web tool. Repeated only after a 429: the outcome of a 5xx or a lost answer is unknown.
     *
     * @param tool the definition
     * @return the created tool as answered, or null when the answer did not hold a readable one
     */
    public @Nullable RemoteWebTool create(WebToolDefinition tool) {
        HamsaDialect speaking = dialect();
        return answered(send(new HamsaTransport.Call(HttpMethod.POST, speaking.createPath(), speaking.body(tool), false)));
    }

    /**
     * Updates a web tool with its full definition; Hamsa may answer a new version with a new id.
     *
     * @param id the id of the version to update
     * @param tool the definition
     * @return the tool as answered, or null when the answer did not hold a readable one
     */
    public @Nullable RemoteWebTool update(String id, WebToolDefinition tool) {
        HamsaDialect speaking = dialect();
        return answered(send(new HamsaTransport.Call(HttpMethod.PATCH, speaking.updatePath(encode(id)),
                speaking.body(tool), false)));
    }

    /**
     * Activates or deactivates a web tool. The body {@code {id, isActive}} is a guess: Hamsa does not
     * document it; it names the state wanted rather than relying on a blind flip.
     *
     * @param id the tool's id (the newest version's)
     * @param active the state wanted
     */
    public void setActivation(String id, boolean active) {
        ObjectNode body = HamsaJson.MAPPER.createObjectNode().put("id", id).put("isActive", active);
        send(new HamsaTransport.Call(HttpMethod.POST, dialect().togglePath(), body, true));
    }

    private WebToolListing listing(@Nullable String search) {
        ListPager.Result read = ListPager.readAll(skip -> page(skip, pageSize, search));
        List<ListedWebTool> items = new ArrayList<>();
        read.items().forEach(item -> items.add(WebToolReader.read(item)));
        return new WebToolListing(items, read.total(), read.requests(), read.skipIsOffset(), read.problem());
    }

    private ListPager.Page page(long skip, int take, @Nullable String search) {
        String query = "?skip=" + skip + "&take=" + take + (search == null ? "" : "&search=" + encode(search));
        if (!detect || detection != null) {
            return items(send(new HamsaTransport.Call(HttpMethod.GET, dialect.listPath() + query, null, true)));
        }
        List<String> tried = new ArrayList<>();
        for (HamsaDialect candidate : HamsaDialect.values()) {
            try {
                ListPager.Page page = items(send(new HamsaTransport.Call(HttpMethod.GET, candidate.listPath() + query, null, true)));
                tried.add("GET " + candidate.listPath() + " answered");
                dialect = candidate;
                detection = String.join(", ", tried);
                return page;
            } catch (HamsaApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
                tried.add("GET " + candidate.listPath() + " is 404");
            }
        }
        throw new HamsaApiException(HamsaApiException.Kind.NOT_FOUND, 404, "GET", String.join(", ", tried), null,
                "neither dialect's list path exists at this base URL (" + String.join("; ", tried) + ")", "", null);
    }

    /** A list answer's items: {@code data.items} (documented), a bare list, or another list member. */
    private static ListPager.Page items(JsonNode data) {
        JsonNode items = data.isArray() ? data : null;
        for (String member : List.of("items", "results", "webTools", "tools", "data")) {
            if (items == null && data.path(member).isArray()) {
                items = data.get(member);
            }
        }
        if (items == null) {
            throw new HamsaApiException(HamsaApiException.Kind.REJECTED, 200, "GET", "(list)", null,
                    "the list answer holds no list of tools", "", null);
        }
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        JsonNode total = data.path("total");
        Long count = total.canConvertToLong() && total.isIntegralNumber() ? Long.valueOf(total.longValue())
                : total.isTextual() && total.asText().strip().matches("\\d{1,18}") ? Long.valueOf(total.asText().strip()) : null;
        return new ListPager.Page(list, count);
    }

    private @Nullable RemoteWebTool answered(JsonNode data) {
        JsonNode tool = data.isObject() && data.path("tool").isObject() ? data.get("tool") : data;
        return tool.isObject() && WebToolReader.read(tool) instanceof RemoteWebTool remote ? remote : null;
    }

    private JsonNode send(HamsaTransport.Call call) {
        return transport.send(call, budget);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
