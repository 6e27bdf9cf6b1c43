package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.testing.FakeAgents.AgentApi;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The agent routes of the {@link AgentApi} a fake serves, in either tool dialect: list, get and
 * replace ({@code PATCH}). Asked after the web-tool routes, and {@code web-tool} is never an agent
 * id, so the tool routes under {@code /v2/voice-agents/web-tool} keep priority.
 */
final class AgentEndpoints implements Endpoints {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final FakeAgents agents;
    private final ToolStore store;
    private final ToolDialect dialect;
    private final Quirks quirks;

    AgentEndpoints(FakeAgents agents, ToolStore store, ToolDialect dialect, Quirks quirks) {
        this.agents = agents;
        this.store = store;
        this.dialect = dialect;
        this.quirks = quirks;
    }

    @Override
    public Optional<Reply> answer(String method, String path, Map<String, String> query, @Nullable JsonNode body) {
        AgentApi api = agents.api();
        if (path.equals(api.path())) {
            return method.equals("GET")
                    ? Optional.of(ListPage.answer(agents.all(), query, quirks, agent -> present(agent, api)))
                    : Optional.empty();
        }
        if (!path.startsWith(api.path() + "/")) {
            return Optional.empty();
        }
        String id = path.substring(api.path().length() + 1);
        if (id.isEmpty() || id.contains("/") || id.equals("web-tool")) {
            return Optional.empty();
        }
        return switch (method) {
            case "GET" -> Optional.of(agents.get(id).map(agent -> Reply.ok(200, present(agent, api)))
                    .orElseGet(() -> Reply.agentNotFound(id)));
            case "PATCH" -> Optional.of(update(id, api, body == null ? NODES.nullNode() : body));
            default -> Optional.empty();
        };
    }

    private Reply update(String id, AgentApi api, JsonNode body) {
        if (agents.get(id).isEmpty()) {
            return Reply.agentNotFound(id);
        }
        List<String> problems = AgentValidator.problems(body, api, store);
        if (!problems.isEmpty()) {
            return Reply.invalid(problems);
        }
        return agents.replace(id, (ObjectNode) body).map(agent -> {
            ObjectNode reply = NODES.objectNode().put("success", true).put("message", "Voice agent updated successfully")
                    .put("messageKey", "VoiceAgentUpdatedSuccessfully");
            reply.set("data", agent);
            return new Reply(200, reply);
        }).orElseGet(() -> Reply.agentNotFound(id));
    }

    /**
     * A stored agent (a copy) as answered: in v2 with {@code resolvedWebTools}, the latest version of
     * every tool its {@code tools[]} references by {@code persistentId} (masked when that is scripted).
     */
    private ObjectNode present(ObjectNode agent, AgentApi api) {
        if (api != AgentApi.V2) {
            return agent;
        }
        Set<String> persistentIds = new LinkedHashSet<>();
        for (JsonNode entry : agent.path("tools").isArray() ? agent.get("tools") : NODES.arrayNode()) {
            if (entry.path("persistentId").isTextual()) {
                persistentIds.add(entry.get("persistentId").asText());
            }
        }
        ArrayNode resolved = agent.putArray("resolvedWebTools");
        for (String persistentId : persistentIds) {
            store.latestForPersistentId(persistentId).ifPresent(tool -> {
                if (quirks.maskSecrets) {
                    dialect.maskSecrets(tool);
                }
                resolved.add(tool);
            });
        }
        return agent;
    }
}
