package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The voice agents of a {@link FakeHamsa}, reached through {@link FakeHamsa#agents()}: seed them,
 * choose which of Hamsa's agent APIs the fake serves ({@link AgentApi}), and read back what a client
 * wrote.
 *
 * <pre>{@code
 * ObjectNode agent = hamsa.agents().seed("""
 *     {"agentName": "Support line", "voice": {"voiceId": "v-1", "lang": "en"},
 *      "tools": [{"persistentId": "...", "toolId": "...", "version": 1, "toolType": "FUNCTION"}]}""");
 * // run the sync with toolwire.hamsa.agents = agent id
 * JsonNode after = hamsa.agents().get(agent.path("id").asText()).orElseThrow();
 * assertEquals(agent.get("voice"), after.get("voice"));          // the rest of the agent survived
 * }</pre>
 *
 * <p>An agent is stored as given: any members, in order, each kept as its JSON value. The server
 * manages {@code id}, {@code createdAt} and {@code updatedAt}; {@code resolvedWebTools} is computed
 * for answers and never stored. {@code PATCH} replaces the whole agent (a guess: the strictest
 * reading), so a client that sends only part of an agent loses the rest. The module README lists the
 * routes and rules of each API. Thread-safe; cleared by {@link FakeHamsa#reset()}.
 */
public final class FakeAgents {

    /** Which of Hamsa's agent APIs the fake serves (hamsa-api.md §5); the other one's routes answer 404. */
    public enum AgentApi {
        /**
         * {@code /v2/voice-agents}: tools attached as {@code tools: [{persistentId, toolId, version,
         * toolType, ...}]}, answers with {@code resolvedWebTools}.
         */
        V2("/v2/voice-agents"),
        /** {@code /v1/voice-agents}: tools attached as {@code webToolsIds} with {@code webToolsOverrides}. */
        V1("/v1/voice-agents");

        private final String path;

        AgentApi(String path) {
            this.path = path;
        }

        /** The collection path, e.g. {@code /v2/voice-agents}. */
        String path() {
            return path;
        }
    }

    /** The members the server manages: kept or refreshed by the fake, whatever a write sends. */
    static final Set<String> SERVER_MEMBERS = Set.of("id", "createdAt", "updatedAt", "resolvedWebTools");

    private final Clock clock;
    private final ObjectMapper json;
    private final Map<String, ObjectNode> byId = new LinkedHashMap<>();
    private volatile AgentApi api = AgentApi.V2;

    FakeAgents(Clock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
    }

    /**
     * Stores an agent as if made in the dashboard, without recording a request. Its members are kept
     * as given and in order; an {@code id} (a UUID, first) is added when absent, {@code createdAt} and
     * {@code updatedAt} when absent, and a {@code resolvedWebTools} member is dropped. Nothing else is
     * validated, so an agent may reference any tool version, or none that exists.
     *
     * @param agentJson the agent as a JSON object
     * @return a copy of the stored agent
     * @throws IllegalArgumentException when it is not a JSON object, its {@code id} is not a string, or
     *     an agent with its id exists
     */
    public ObjectNode seed(String agentJson) {
        JsonNode given;
        try {
            given = json.readTree(Objects.requireNonNull(agentJson, "agentJson"));
        } catch (IOException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getMessage(), e);
        }
        if (!(given instanceof ObjectNode fields) || (fields.has("id") && !fields.get("id").isTextual())) {
            throw new IllegalArgumentException("An agent is a JSON object, its id a string when given: " + agentJson);
        }
        ObjectNode agent = JsonNodeFactory.instance.objectNode();
        if (!fields.has("id")) {
            agent.put("id", UUID.randomUUID().toString());
        }
        fields.properties().forEach(e -> agent.set(e.getKey(), e.getValue()));
        agent.remove("resolvedWebTools");
        String now = clock.instant().toString();
        if (!agent.has("createdAt")) {
            agent.put("createdAt", now);
        }
        if (!agent.has("updatedAt")) {
            agent.put("updatedAt", now);
        }
        String id = agent.path("id").asText();
        synchronized (this) {
            if (byId.containsKey(id)) {
                throw new IllegalArgumentException("An agent with id " + id + " exists");
            }
            byId.put(id, agent);
        }
        return agent.deepCopy();
    }

    /**
     * A stored agent.
     *
     * @param id the agent id
     * @return a copy of the agent (without {@code resolvedWebTools}), or empty
     */
    public synchronized Optional<ObjectNode> get(String id) {
        return Optional.ofNullable(byId.get(id)).map(ObjectNode::deepCopy);
    }

    /**
     * Every stored agent, oldest first.
     *
     * @return copies of the agents (without {@code resolvedWebTools})
     */
    public synchronized List<ObjectNode> all() {
        return byId.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /**
     * Chooses the agent API the fake serves; the other one's agent routes answer 404 (code 10404).
     * {@link AgentApi#V2} until set, and again after {@link FakeHamsa#reset()}.
     *
     * @param api the API to serve
     * @return these agents
     */
    public FakeAgents api(AgentApi api) {
        this.api = Objects.requireNonNull(api, "api");
        return this;
    }

    /**
     * The agent API the fake serves.
     *
     * @return the API
     */
    public AgentApi api() {
        return api;
    }

    /**
     * Replaces an agent with a written body: every member of the body but the server's, then {@code
     * createdAt} kept and {@code updatedAt} refreshed.
     *
     * @return a copy of the new agent, or empty when there is no such agent
     */
    synchronized Optional<ObjectNode> replace(String id, ObjectNode body) {
        ObjectNode old = byId.get(id);
        if (old == null) {
            return Optional.empty();
        }
        ObjectNode agent = JsonNodeFactory.instance.objectNode().put("id", id);
        body.properties().stream().filter(e -> !SERVER_MEMBERS.contains(e.getKey()))
                .forEach(e -> agent.set(e.getKey(), e.getValue().deepCopy()));
        agent.set("createdAt", old.path("createdAt").deepCopy());
        agent.put("updatedAt", clock.instant().toString());
        byId.put(id, agent);
        return Optional.of(agent.deepCopy());
    }

    synchronized void clear() {
        byId.clear();
        api = AgentApi.V2;
    }
}
