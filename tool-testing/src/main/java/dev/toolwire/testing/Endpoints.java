package dev.toolwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One group of routes of an authorised request; the handler asks each group in turn, tools first. */
interface Endpoints {

    /**
     * Answers a request when this group serves its route.
     *
     * @param method the method, upper case
     * @param path the path, without the fake's base path
     * @param query the query parameters
     * @param body the JSON body, or {@code null}
     * @return the answer, or empty when this group serves no such route
     */
    Optional<Reply> answer(String method, String path, Map<String, String> query, @Nullable JsonNode body);
}
