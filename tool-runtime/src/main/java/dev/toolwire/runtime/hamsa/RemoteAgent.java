package dev.toolwire.runtime.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Internal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A voice agent as Hamsa answered it: the whole answer, kept as it is, and the tools it uses read
 * from it. {@link #withTools(List)} changes only the addressed tool entries of a copy, so everything
 * else of the agent (prompt, voice, other tools, overrides) goes back exactly as it came; an agent
 * whose answer shows a secret masked ({@link #maskedMembers()}) must not be written back at all, or
 * the mask would replace the secret.
 *
 * @param id the agent id
 * @param name the agent's name, or its id when it has none
 * @param model how the answer holds the tools: v2 {@code tools[]} entries or v1 {@code webToolsIds}
 * @param api which agent API answered it, and is written back to
 * @param raw the agent as answered
 * @param tools the tools it uses, in order
 */
@Internal
public record RemoteAgent(String id, String name, AgentModel model, AgentModel api, ObjectNode raw,
        List<AgentToolRef> tools) {

    /** Members the server manages: never sent back. */
    private static final List<String> SERVER_MEMBERS = List.of("id", "_id", "createdAt", "updatedAt", "resolvedWebTools");

    /**
     * Copies the list.
     *
     * @param id the id
     * @param name the name
     * @param model the model
     * @param api the API
     * @param raw the answer
     * @param tools the tools
     */
    public RemoteAgent {
        tools = List.copyOf(tools);
    }

    /** One change to an agent's tool list. */
    public sealed interface Edit permits Repoint, Attach, Detach {}

    /**
     * Points one tool entry at another version of the same tool, keeping everything else of the entry
     * (overrides, node, test result) and, for v1, moving its overrides to the new id.
     *
     * @param entry the entry, as read
     * @param toToolId the newer version's id
     * @param toVersion the newer version's number (v2 entries need it)
     */
    public record Repoint(AgentToolRef entry, String toToolId, int toVersion) implements Edit {}

    /**
     * Adds a tool.
     *
     * @param persistentId the tool's persistent id (v2), or null
     * @param toolId the version's id
     * @param version the version's number
     */
    public record Attach(@Nullable String persistentId, String toolId, int version) implements Edit {}

    /**
     * Removes one tool entry, and for v1 its overrides.
     *
     * @param entry the entry, as read
     */
    public record Detach(AgentToolRef entry) implements Edit {}

    /**
     * Where the answer shows a value masked ({@code ****}, {@code ••••}, {@code …}): an LLM key, a
     * webhook secret. Writing such an agent back would store the mask.
     *
     * @return the JSON pointers of masked text values, empty when none
     */
    public List<String> maskedMembers() {
        List<String> masked = new ArrayList<>();
        collectMasked(raw, "", masked);
        return masked;
    }

    private static void collectMasked(JsonNode node, String path, List<String> masked) {
        if (node.isTextual()) {
            String text = node.asText();
            if (text.contains("***") || text.contains("\u2022\u2022") || text.contains("\u2026")) {
                masked.add(path);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                collectMasked(member.getValue(), path + "/" + member.getKey(), masked);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectMasked(node.get(i), path + "/" + i, masked);
            }
        }
    }

    /**
     * The body that writes this agent back with its tool list edited: the agent as answered, less
     * the members the server manages, with only the addressed entries changed.
     *
     * @param edits the changes; entries are addressed by their position as read
     * @return the body of the agent update
     */
    public ObjectNode withTools(List<Edit> edits) {
        ObjectNode body = raw.deepCopy();
        SERVER_MEMBERS.forEach(body::remove);
        String listName = model == AgentModel.V2 ? "tools" : "webToolsIds";
        ArrayNode list = body.path(listName).isArray() ? (ArrayNode) body.get(listName) : body.putArray(listName);
        JsonNode overrides = body.path("webToolsOverrides");
        for (Edit edit : edits) {
            if (edit instanceof Repoint r) {
                repoint(list, overrides, r);
            } else if (edit instanceof Attach a) {
                attach(list, a);
            }
        }
        // Detach last, from the end, so positions read earlier still address the same entries.
        edits.stream().filter(Detach.class::isInstance).map(e -> ((Detach) e).entry())
                .sorted(Comparator.comparingInt(AgentToolRef::index).reversed())
                .forEach(entry -> {
                    list.remove(entry.index());
                    if (overrides instanceof ObjectNode map && !contains(list, entry.toolId())) {
                        map.remove(entry.toolId());
                    }
                });
        return body;
    }

    private void repoint(ArrayNode list, JsonNode overrides, Repoint r) {
        int at = r.entry().index();
        if (model == AgentModel.V2) {
            if (list.get(at) instanceof ObjectNode entry) {
                entry.put("toolId", r.toToolId());
                entry.put("version", r.toVersion());
            }
            return;
        }
        list.set(at, r.toToolId());
        if (overrides instanceof ObjectNode map && map.has(r.entry().toolId()) && !contains(list, r.entry().toolId())) {
            map.set(r.toToolId(), map.remove(r.entry().toolId()));
        }
    }

    private void attach(ArrayNode list, Attach a) {
        if (model == AgentModel.V1) {
            list.add(a.toolId());
            return;
        }
        ObjectNode entry = list.addObject();
        if (a.persistentId() != null) {
            entry.put("persistentId", a.persistentId());
        }
        entry.put("toolId", a.toolId()).put("version", a.version()).put("toolType", "FUNCTION");
    }

    private boolean contains(ArrayNode list, String toolId) {
        for (JsonNode entry : list) {
            String id = model == AgentModel.V2 ? entry.path("toolId").asText() : entry.asText();
            if (toolId.equals(id)) {
                return true;
            }
        }
        return false;
    }
}
