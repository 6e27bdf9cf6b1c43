package dev.toolwire.testing.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Evaluates the JSONPath subset a Hamsa flow uses to extract values: {@code $}, {@code .name},
 * {@code ['name']} and {@code [index]}, e.g. {@code $.preferences.preferred_contact_time} or
 * {@code $.items[0].name}.
 */
final class JsonPathQuery {

    private JsonPathQuery() {}

    /**
     * Finds the node at a path.
     *
     * @param root the document
     * @param path the expression, starting with {@code $}
     * @return the node, or a missing node when the path leads nowhere
     * @throws IllegalArgumentException when the expression is not of the supported subset
     */
    static JsonNode select(JsonNode root, String path) {
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("A JSONPath starts with $, e.g. $.customer_id; got '" + path + "'.");
        }
        JsonNode node = root;
        int i = 1;
        while (i < path.length() && !node.isMissingNode()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = nextSeparator(path, i + 1);
                node = node.path(path.substring(i + 1, end));
                i = end;
            } else if (c == '[' && i + 1 < path.length() && path.charAt(i + 1) == '\'') {
                int end = path.indexOf("']", i + 2);
                requireFound(end, path);
                node = node.path(path.substring(i + 2, end).replace("\\'", "'"));
                i = end + 2;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                requireFound(end, path);
                node = node.isArray() ? node.path(Integer.parseInt(path.substring(i + 1, end).strip())) : MissingNode.getInstance();
                i = end + 1;
            } else {
                throw new IllegalArgumentException("Unexpected '" + c + "' at " + i + " in JSONPath '" + path + "'.");
            }
        }
        return node;
    }

    private static int nextSeparator(String path, int from) {
        int i = from;
        while (i < path.length() && path.charAt(i) != '.' && path.charAt(i) != '[') {
            i++;
        }
        return i;
    }

    private static void requireFound(int end, String path) {
        if (end < 0) {
            throw new IllegalArgumentException("Unclosed [ in JSONPath '" + path + "'.");
        }
    }
}
