package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * What differs between the wire shapes Hamsa's documentation describes ({@link FakeHamsa.Dialect}):
 * where the routes are, which request bodies are valid, what a tool looks like in an answer, and how
 * its credentials are masked.
 */
interface ToolDialect {

    /**
     * The operation a request asks for.
     *
     * @param method the method, upper case
     * @param path the path, without the fake's base path
     * @return the route, or empty when this dialect serves no such route
     */
    Optional<Route> route(String method, String path);

    /**
     * Every rule a create or update body breaks, including members of the other dialect.
     *
     * @param body the body ({@code null} node when there was none)
     * @return the problems, empty when valid
     */
    List<String> problems(JsonNode body);

    /**
     * The dialect's fields of a tool in an answer, {@code type} first, made from a valid body; the
     * store adds its own ({@code id}, {@code version}, ...).
     *
     * @param body a valid create or update body
     * @return new fields
     */
    ObjectNode answerFields(JsonNode body);

    /**
     * Masks the credentials of a tool in answer shape, in place.
     *
     * @param tool a copy of a stored tool
     */
    void maskSecrets(ObjectNode tool);

    static ToolDialect of(FakeHamsa.Dialect dialect) {
        return switch (dialect) {
            case REFERENCE -> new ReferenceDialect();
            case GUIDE -> new GuideDialect();
        };
    }

    /** Adds a problem for each of {@code members} present at the top level of {@code body}. */
    static void rejectForeignMembers(JsonNode body, List<String> members, String owner, String self,
            List<String> problems) {
        for (String member : members) {
            if (body.has(member)) {
                problems.add(member + " belongs to the " + owner + " dialect; this server speaks the " + self
                        + " dialect");
            }
        }
    }
}
