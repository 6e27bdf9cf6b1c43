package dev.toolwire.runtime.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Internal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A voice agent as Hamsa answered it: the whole answer, kept as it is, and the tools it uses read
 * from it. {@link #withTools(List)} changes only the tool list of a copy, so everything else of the
 * agent (prompt, voice, other tools, overrides) goes back exactly as it came.
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
     * Points a tool entry at another version of the same tool, keeping everything else of the entry
     * (overrides, node, test result) and, for v1, moving its overrides to the new id.
     *
     * @param fromToolId the id the agent uses now
     * @param toToolId the newer version's id
     * @param toVersion the newer version's number, or null when unknown
     */
    public record Repoint(String fromToolId, String toToolId, @Nullable Integer toVersion) implements Edit {}

    /**
     * Adds a tool.
     *
     * @param persistentId the tool's persistent id (v2), or null
     * @param toolId the version's id
     * @param version the version's number, or null
     */
    public record Attach(@Nullable String persistentId, String toolId, @Nullable Integer version) implements Edit {}

    /**
     * Removes a tool, and for v1 its overrides.
     *
     * @param toolId the id the agent uses
     */
    public record Detach(String toolId) implements Edit {}

    /**
     * The body that writes this agent back with its tool list edited: the agent as answered, less
     * the members the server manages, with only the tool entries changed.
     *
     * @param edits the changes, applied in order
     * @return the body of the agent update
     */
    public ObjectNode withTools(List<Edit> edits) {
        ObjectNode body = raw.deepCopy();
        SERVER_MEMBERS.forEach(body::remove);
        for (Edit edit : edits) {
            if (model == AgentModel.V2) {
                editV2(body, edit);
            } else {
                editV1(body, edit);
            }
        }
        return body;
    }

    private static void editV2(ObjectNode body, Edit edit) {
        ArrayNode tools = body.path("tools").isArray() ? (ArrayNode) body.get("tools") : body.putArray("tools");
        if (edit instanceof Repoint r) {
            for (JsonNode entry : tools) {
                if (entry instanceof ObjectNode object && r.fromToolId().equals(entry.path("toolId").asText())) {
                    object.put("toolId", r.toToolId());
                    if (r.toVersion() != null) {
                        object.put("version", r.toVersion());
                    }
                }
            }
        } else if (edit instanceof Attach a) {
            ObjectNode entry = tools.addObject();
            if (a.persistentId() != null) {
                entry.put("persistentId", a.persistentId());
            }
            entry.put("toolId", a.toolId());
            if (a.version() != null) {
                entry.put("version", a.version());
            }
            entry.put("toolType", "FUNCTION");
        } else if (edit instanceof Detach d) {
            removeWhere(tools, entry -> d.toolId().equals(entry.path("toolId").asText()));
        }
    }

    private static void editV1(ObjectNode body, Edit edit) {
        ArrayNode ids = body.path("webToolsIds").isArray() ? (ArrayNode) body.get("webToolsIds") : body.putArray("webToolsIds");
        JsonNode overrides = body.path("webToolsOverrides");
        if (edit instanceof Repoint r) {
            for (int i = 0; i < ids.size(); i++) {
                if (r.fromToolId().equals(ids.get(i).asText())) {
                    ids.set(i, r.toToolId());
                }
            }
            if (overrides instanceof ObjectNode map && map.has(r.fromToolId())) {
                map.set(r.toToolId(), map.remove(r.fromToolId()));
            }
        } else if (edit instanceof Attach a) {
            ids.add(a.toolId());
        } else if (edit instanceof Detach d) {
            removeWhere(ids, id -> d.toolId().equals(id.asText()));
            if (overrides instanceof ObjectNode map) {
                map.remove(d.toolId());
            }
        }
    }

    private static void removeWhere(ArrayNode array, Predicate<JsonNode> matches) {
        List<Integer> doomed = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (matches.test(array.get(i))) {
                doomed.add(0, i);
            }
        }
        doomed.forEach(array::remove);
    }
}
