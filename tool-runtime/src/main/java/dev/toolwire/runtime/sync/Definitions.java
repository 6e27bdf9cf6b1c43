package dev.toolwire.runtime.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.hamsa.WebTool;
import dev.toolwire.runtime.hamsa.WebToolBody;
import dev.toolwire.runtime.hamsa.WebToolMessage;
import dev.toolwire.runtime.hamsa.WebToolSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Normalised definitions: a web tool flattened to {@code path -> canonical JSON value} over the
 * fields the sync manages, so a definition sent and the same definition as Hamsa answers it compare
 * equal. Normalising covers key order, {@code timeOut} (seconds) vs {@code timeout} (seconds or
 * milliseconds), nulls, empty maps and lists a server fills in, {@code required} order, number
 * spelling ({@code 1} vs {@code 1.0}), message order, and a {@code params} answered as a bare
 * properties map. Server fields (id, version, persistentId, userId, projectId, dates) are ignored.
 */
final class Definitions {

    static final String AUTH_TOKEN = "toolSettings.authToken";
    static final String HEADERS = "toolSettings.httpHeaders.";

    private Definitions() {}

    static SortedMap<String, String> of(WebToolBody body, boolean withCollection) {
        SortedMap<String, String> out = new TreeMap<>();
        out.put("type", text(body.type()));
        out.put("description", text(body.description()));
        out.put("async", String.valueOf(body.async()));
        if (withCollection && body.collectionId() != null) {
            out.put("collectionId", text(body.collectionId()));
        }
        flatten("params", Json.MAPPER.valueToTree(body.params()), out);
        messages(body.messages(), out);
        out.put("toolSettings.serverUrl", text(body.toolSettings().serverUrl()));
        out.put("toolSettings.methodType", text(body.toolSettings().methodType()));
        out.put("toolSettings.timeOut", String.valueOf(body.toolSettings().timeOut()));
        putIfText(out, AUTH_TOKEN, body.toolSettings().authToken());
        strings(HEADERS, body.toolSettings().httpHeaders(), out);
        strings("toolSettings.pathParameters.", body.toolSettings().pathParameters(), out);
        return out;
    }

    static SortedMap<String, String> of(WebTool tool, boolean withCollection) {
        SortedMap<String, String> out = new TreeMap<>();
        out.put("type", text(tool.type() == null ? "FUNCTION" : tool.type()));
        out.put("description", text(tool.description() == null ? "" : tool.description()));
        out.put("async", String.valueOf(Boolean.TRUE.equals(tool.async())));
        if (withCollection && tool.collectionId() != null && !tool.collectionId().isBlank()) {
            out.put("collectionId", text(tool.collectionId()));
        }
        JsonNode params = tool.params() == null ? Json.MAPPER.createObjectNode() : Json.MAPPER.valueToTree(tool.params());
        flatten(isBareProperties(params) ? "params.properties" : "params", params, out);
        messages(tool.messages() == null ? List.of() : tool.messages(), out);
        WebToolSettings settings = tool.toolSettings();
        if (settings != null) {
            putIfText(out, "toolSettings.serverUrl", settings.serverUrl());
            putIfText(out, "toolSettings.methodType", settings.methodType());
            BigDecimal timeout = seconds(settings.timeOut() != null ? settings.timeOut() : settings.timeout(),
                    settings.timeOut() != null);
            if (timeout != null) {
                out.put("toolSettings.timeOut", number(timeout));
            }
            putIfText(out, AUTH_TOKEN, settings.authToken());
            strings(HEADERS, settings.httpHeaders(), out);
            strings("toolSettings.pathParameters.", settings.pathParameters(), out);
        }
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
     * properties map, only the desired {@code params.properties} are compared.
     */
    static List<SyncPlan.Change> diff(SortedMap<String, String> remote, SortedMap<String, String> desired) {
        boolean bare = remote.keySet().stream().anyMatch(k -> k.startsWith("params."))
                && remote.keySet().stream().filter(k -> k.startsWith("params.")).allMatch(k -> k.startsWith("params.properties."));
        TreeSet<String> keys = new TreeSet<>(remote.keySet());
        keys.addAll(desired.keySet());
        List<SyncPlan.Change> changes = new ArrayList<>();
        for (String key : keys) {
            if (bare && key.startsWith("params.") && !key.startsWith("params.properties.")) {
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

    /** A {@code timeout} of 1000 or more that is a whole number of seconds in milliseconds is read as milliseconds. */
    private static @Nullable BigDecimal seconds(@Nullable BigDecimal value, boolean requestSpelling) {
        if (value == null || requestSpelling) {
            return value;
        }
        BigDecimal thousand = BigDecimal.valueOf(1000);
        boolean millis = value.compareTo(thousand) >= 0 && value.remainder(thousand).signum() == 0;
        return millis ? value.divide(thousand) : value;
    }

    private static void messages(List<WebToolMessage> messages, SortedMap<String, String> out) {
        for (WebToolMessage message : messages) {
            if (message.type() != null && message.content() != null && !message.content().isBlank()) {
                out.put("messages." + message.type(), text(message.content()));
            }
        }
    }

    private static void strings(String prefix, @Nullable Map<String, ?> map, SortedMap<String, String> out) {
        if (map != null) {
            map.forEach((k, v) -> {
                if (v != null) {
                    out.put(prefix + k, text(String.valueOf(v)));
                }
            });
        }
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
