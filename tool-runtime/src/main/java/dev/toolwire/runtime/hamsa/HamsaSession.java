package dev.toolwire.runtime.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One run against Hamsa (a sync, a check): the dialect it speaks, found out once and kept, the agent
 * API that answers, and the run's budget for waiting on rate limits. With {@code toolwire.hamsa.dialect=auto} the first list
 * asks the reference path; a 404 there means the account answers the guide's path, which is asked
 * next. Not thread-safe; one run, one thread.
 */
@Internal
public final class HamsaSession {

    private static final int VERSION_CHECK_BATCH = 50;

    private final HamsaTransport transport;
    private final int pageSize;
    private final WaitBudget budget;
    private final boolean detect;
    private HamsaDialect dialect;
    private @Nullable String detection;
    private @Nullable AgentModel agentApi;

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
     * @return the created tool as answered (readable or not), or null when the answer held none
     */
    public @Nullable ListedWebTool create(WebToolDefinition tool) {
        HamsaDialect speaking = dialect();
        return answered(send(new HamsaTransport.Call(HttpMethod.POST, speaking.createPath(), speaking.body(tool), false)));
    }

    /**
     * Updates a web tool with its full definition; Hamsa may answer a new version with a new id.
     *
     * @param id the id of the version to update
     * @param tool the definition
     * @return the tool as answered (readable or not), or null when the answer held none
     */
    public @Nullable ListedWebTool update(String id, WebToolDefinition tool) {
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

    /**
     * Reads one agent, through the v2 agent API, else (404) the v1 one; once one answered, only it.
     *
     * @param id the agent id
     * @return the agent, or empty when neither API knows it
     */
    public Optional<RemoteAgent> agent(String id) {
        for (AgentModel api : agentApis()) {
            try {
                JsonNode data = send(new HamsaTransport.Call(HttpMethod.GET, api.agentPath(encode(id)), null, true));
                agentApi = api;
                return Optional.ofNullable(AgentReader.read(data, api));
            } catch (HamsaApiException e) {
                if (!isAbsent(e)) {
                    throw e;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Every agent of the project, all pages, through the agent API that answers.
     *
     * @return the agents, or empty when neither agent API lists agents here
     */
    public Optional<List<RemoteAgent>> agents() {
        for (AgentModel api : agentApis()) {
            try {
                ListPager.Result read = ListPager.readAll(skip -> {
                    String path = api.listPath() + "?skip=" + skip + "&take=" + pageSize;
                    return items(send(new HamsaTransport.Call(HttpMethod.GET, path, null, true)), path);
                });
                agentApi = api;
                List<RemoteAgent> agents = new ArrayList<>();
                read.items().forEach(item -> {
                    RemoteAgent agent = AgentReader.read(item, api);
                    if (agent != null) {
                        agents.add(agent);
                    }
                });
                return Optional.of(agents);
            } catch (HamsaApiException e) {
                if (!isAbsent(e)) {
                    throw e;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Writes an agent back ({@code PATCH}) through the API it was read from.
     *
     * @param agent the agent as read
     * @param body the whole agent to write, from {@link RemoteAgent#withTools(List)}
     */
    public void updateAgent(RemoteAgent agent, ObjectNode body) {
        send(new HamsaTransport.Call(HttpMethod.PATCH, agent.api().agentPath(encode(agent.id())), body, false));
    }

    /**
     * Asks which tool record ids have newer versions ({@code POST /v2/voice-agents/web-tool/version-check}),
     * fifty ids a request.
     *
     * @param toolIds the record ids
     * @return the newest version's id of each id Hamsa knows, by the id asked; empty when the endpoint
     *     is missing (404, 405)
     * @throws HamsaApiException when Hamsa answers another failure
     */
    public Map<String, String> newestVersions(List<String> toolIds) {
        Map<String, String> newest = new LinkedHashMap<>();
        for (int from = 0; from < toolIds.size(); from += VERSION_CHECK_BATCH) {
            ObjectNode body = HamsaJson.MAPPER.createObjectNode();
            toolIds.subList(from, Math.min(toolIds.size(), from + VERSION_CHECK_BATCH)).forEach(body.putArray("webToolIds")::add);
            JsonNode data;
            try {
                data = send(new HamsaTransport.Call(HttpMethod.POST, "/v2/voice-agents/web-tool/version-check", body, true));
            } catch (HamsaApiException e) {
                if (isAbsent(e)) {
                    return newest;
                }
                throw e;
            }
            for (JsonNode entry : data.isArray() ? data : data.path("items")) {
                JsonNode latest = entry.path("latestVersionToolId");
                if (entry.path("toolId").isTextual() && latest.isTextual()) {
                    newest.put(entry.get("toolId").asText(), latest.asText());
                }
            }
        }
        return newest;
    }

    /**
     * The project of the API key ({@code GET /v1/projects/by-api-key}), which test-api-tool needs.
     *
     * @return the project id
     * @throws HamsaApiException when the answer holds none
     */
    public String projectId() {
        JsonNode data = send(new HamsaTransport.Call(HttpMethod.GET, "/v1/projects/by-api-key", null, true));
        for (JsonNode candidate : List.of(data.path("id"), data.path("projectId"), data.path("_id"), data.at("/project/id"))) {
            if (candidate.isTextual() && !candidate.asText().isBlank()) {
                return candidate.asText();
            }
        }
        throw new HamsaApiException(HamsaApiException.Kind.REJECTED, 200, "GET", "/v1/projects/by-api-key", null,
                "the answer names no project id", "", null);
    }

    /**
     * Has Hamsa call an API as a tool would be called ({@code POST
     * /v1/voice-agents/web-tool/test-api-tool}) and reads the event stream it answers.
     *
     * @param request {@code {projectId, serverUrl, method, authPrefix?, authToken?, timeout?,
     *     httpHeaders?, queryParams?, body?}}
     * @return what the stream said of the call
     */
    public TestOutcome testApiTool(ObjectNode request) {
        return TestStreamReader.read(transport.sendForText(new HamsaTransport.Call(HttpMethod.POST,
                "/v1/voice-agents/web-tool/test-api-tool", request, true), budget));
    }

    private List<AgentModel> agentApis() {
        AgentModel known = agentApi;
        return known != null ? List.of(known) : List.of(AgentModel.V2, AgentModel.V1);
    }

    private WebToolListing listing(@Nullable String search) {
        ListPager.Result read = ListPager.readAll(skip -> page(skip, pageSize, search));
        List<ListedWebTool> items = new ArrayList<>();
        read.items().forEach(item -> items.add(WebToolReader.read(item)));
        return new WebToolListing(items, read.total(), read.skipIsOffset(), read.problem());
    }

    private ListPager.Page page(long skip, int take, @Nullable String search) {
        String query = "?skip=" + skip + "&take=" + take + (search == null ? "" : "&search=" + encode(search));
        if (!detect || detection != null) {
            return items(send(new HamsaTransport.Call(HttpMethod.GET, dialect.listPath() + query, null, true)),
                    dialect.listPath() + query);
        }
        List<String> tried = new ArrayList<>();
        for (HamsaDialect candidate : HamsaDialect.values()) {
            try {
                ListPager.Page page = items(send(new HamsaTransport.Call(HttpMethod.GET, candidate.listPath() + query, null, true)),
                        candidate.listPath() + query);
                tried.add("GET " + candidate.listPath() + " answered");
                dialect = candidate;
                detection = String.join(", ", tried);
                return page;
            } catch (HamsaApiException e) {
                if (!isAbsent(e)) {
                    throw e;
                }
                tried.add("GET " + candidate.listPath() + " is " + (e.status() == 0 ? "absent" : e.status()));
            }
        }
        throw new HamsaApiException(HamsaApiException.Kind.NOT_FOUND, 404, "GET", HamsaDialect.REFERENCE.listPath(), null,
                "neither dialect's list path exists at this base URL (" + String.join(", ", tried) + ")", "", null);
    }

    /** Whether a failure says the path does not exist: 404 or 405, or Hamsa's code 10404. */
    private static boolean isAbsent(HamsaApiException e) {
        return e.status() == 404 || e.status() == 405 || e.kind() == HamsaApiException.Kind.NOT_FOUND;
    }

    /** A list answer's items: {@code data.items} (documented), a bare list, or another list member. */
    private static ListPager.Page items(JsonNode data, String path) {
        JsonNode items = data.isArray() ? data : null;
        for (String member : List.of("items", "results", "webTools", "tools", "data")) {
            if (items == null && data.path(member).isArray()) {
                items = data.get(member);
            }
        }
        if (items == null) {
            throw new HamsaApiException(HamsaApiException.Kind.REJECTED, 200, "GET", path, null,
                    "the answer holds no list", "", null);
        }
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        JsonNode total = data.path("total");
        Long count = total.canConvertToLong() && total.isIntegralNumber() ? Long.valueOf(total.longValue())
                : total.isTextual() && total.asText().strip().matches("\\d{1,18}") ? Long.valueOf(total.asText().strip()) : null;
        return new ListPager.Page(list, count);
    }

    private static @Nullable ListedWebTool answered(JsonNode data) {
        JsonNode tool = data.isObject() && data.path("tool").isObject() ? data.get("tool") : data;
        return tool.isObject() && tool.hasNonNull("id") ? WebToolReader.read(tool) : null;
    }

    private JsonNode send(HamsaTransport.Call call) {
        return transport.send(call, budget);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
