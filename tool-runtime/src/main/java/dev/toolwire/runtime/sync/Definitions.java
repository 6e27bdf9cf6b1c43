package dev.toolwire.runtime.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.hamsa.WebToolDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Normalised definitions: a {@link WebToolDefinition} flattened to {@code path -> canonical JSON
 * value} over the fields the sync manages, so a definition sent and the same definition as Hamsa
 * answers it (in either dialect) compare equal. The reader has already folded the dialects'
 * spellings into the model; normalising here covers key order, nulls, empty maps and lists a server
 * fills in, {@code required} order, number spelling ({@code 1} vs {@code 1.0}), message order, and a
 * {@code params} answered as a bare properties map. Paths use the reference spelling
 * ({@code toolSettings.serverUrl}); {@link dev.toolwire.runtime.hamsa.HamsaDialect#spell} prints them.
 */
final class Definitions {

    static final String AUTH_TOKEN = "toolSettings.authToken";
    static final String HEADERS = "toolSettings.httpHeaders.";
    static final String AUTH_TYPE = "authType";

    private Definitions() {}

    static SortedMap<String, String> of(WebToolDefinition tool, boolean withCollection) {
        SortedMap<String, String> out = new TreeMap<>();
        out.put("type", text(tool.type()));
        out.put("description", text(tool.description()));
        out.put("async", String.valueOf(tool.async()));
        if (withCollection && tool.collectionId() != null && !tool.collectionId().isBlank()) {
            out.put("collectionId", text(tool.collectionId()));
        }
        flatten(isBareProperties(tool.params()) ? "params.properties" : "params", tool.params(), out);
        tool.messages().forEach((type, content) -> {
            if (!content.isBlank()) {
                out.put("messages." + type, text(content));
            }
        });
        putIfText(out, "toolSettings.serverUrl", tool.serverUrl());
        putIfText(out, "toolSettings.methodType", tool.methodType());
        if (tool.timeoutSeconds() != null) {
            out.put("toolSettings.timeOut", number(tool.timeoutSeconds()));
        }
        putIfText(out, AUTH_TYPE, tool.authType());
        putIfText(out, AUTH_TOKEN, tool.authToken());
        // Header names are case-insensitive on the wire; a path parameter without a default is one whose default is "".
        tool.httpHeaders().forEach((k, v) -> out.put(HEADERS + k.toLowerCase(Locale.ROOT), text(v)));
        tool.pathParameters().forEach((k, v) -> putIfText(out, "toolSettings.pathParameters." + k, v));
        return out;
    }

    /** Whether Hamsa answered only the properties map (hamsa-api.md §8.9): no schema keywords at its top. */
    static boolean isBareProperties(JsonNode params) {
        if (!params.isObject() || params.isEmpty() || params.has("type") || params.has("properties")) {
            return false;
        }
        for (JsonNode property : params) {
            if (!property.isObject()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The changes from {@code remote} to {@code desired}. When the remote params were a bare
     * properties map, only the desired {@code params.properties} are compared; with
     * {@code secretsUnknown} (Hamsa answered its credentials masked), credentials are not compared. {@code authType} is compared only when
     * the remote states it (the reference dialect has no such field).
     */
    static List<SyncPlan.Change> diff(SortedMap<String, String> remote, SortedMap<String, String> desired,
            boolean secretsUnknown) {
        boolean bare = remote.keySet().stream().anyMatch(k -> k.startsWith("params."))
                && remote.keySet().stream().filter(k -> k.startsWith("params.")).allMatch(k -> k.startsWith("params.properties."));
        TreeSet<String> keys = new TreeSet<>(remote.keySet());
        keys.addAll(desired.keySet());
        List<SyncPlan.Change> changes = new ArrayList<>();
        for (String key : keys) {
            if (bare && key.startsWith("params.") && !key.startsWith("params.properties.")
                    || secretsUnknown && isSecret(key)
                    || key.equals(AUTH_TYPE) && !remote.containsKey(AUTH_TYPE)) {
                continue;
            }
            String before = remote.get(key);
            String after = desired.get(key);
            if (before == null ? after != null : !before.equals(after)) {
                changes.add(new SyncPlan.Change(key, before, after, isSecret(key)));
            }
        }
        return changes;
    }

    static boolean isSecret(String key) {
        return key.equals(AUTH_TOKEN) || key.startsWith(HEADERS);
    }

    private static void putIfText(SortedMap<String, String> out, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            out.put(key, text(value));
        }
    }

    private static void flatten(String path, JsonNode node, SortedMap<String, String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(path + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            if (!node.isEmpty()) {
                out.put(path, canonical(path.endsWith(".required") ? sorted((ArrayNode) node) : node));
            }
        } else if (!node.isNull() && !node.isMissingNode()) {
            out.put(path, canonical(node));
        }
    }

    private static JsonNode sorted(ArrayNode array) {
        ArrayNode copy = Json.MAPPER.createArrayNode();
        new TreeSet<>(texts(array)).forEach(copy::add);
        return copy;
    }

    private static List<String> texts(ArrayNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    /** JSON with sorted keys and numbers without trailing zeros. */
    static String canonical(JsonNode node) {
        if (node.isNumber()) {
            return number(node.decimalValue());
        }
        if (node.isObject()) {
            StringBuilder s = new StringBuilder("{");
            entries(node).forEach((k, v) -> s.append(s.length() > 1 ? "," : "")
                    .append(text(k)).append(':').append(canonical(v)));
            return s.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder s = new StringBuilder("[");
            node.forEach(e -> s.append(s.length() > 1 ? "," : "").append(canonical(e)));
            return s.append(']').toString();
        }
        return node.toString();
    }

    private static SortedMap<String, JsonNode> entries(JsonNode node) {
        SortedMap<String, JsonNode> map = new TreeMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    private static String number(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String text(String value) {
        return new TextNode(value).toString();
    }
}
