package dev.toolwire.runtime.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one web tool from an answer in either dialect's shape, liberally: the reference pages'
 * nested {@code toolSettings {serverUrl, httpHeaders: {k: v}, pathParameters: {k: v}, timeout}} and
 * {@code params}, or the guide's flat {@code url}, {@code headers: [{name, value}]},
 * {@code pathParameters: [{name, defaultValue}]}, {@code timeoutSeconds} and {@code parameters}; maps
 * or lists wherever either appears; {@code timeOut} and {@code timeoutSeconds} in seconds,
 * {@code timeout} in seconds or milliseconds; numbers and booleans as strings too (booleans as
 * {@code 0}/{@code 1} as well); header entries named by {@code name} or {@code key}; {@code createdAt}
 * as ISO-8601 text or epoch milliseconds (unknown otherwise); unknown members ignored. An item with
 * no id or name, or with a member of an impossible type, becomes an {@link UnreadableWebTool} naming
 * what could not be read, never an exception.
 */
final class WebToolReader {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private WebToolReader() {}

    /** A member that cannot be read; caught at the item, so the item is reported instead. */
    private static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    static ListedWebTool read(JsonNode item) {
        if (!item.isObject()) {
            return new UnreadableWebTool(null, null, null, null, null, "the item is not a JSON object");
        }
        String id = idText(item.get("id"));
        String persistentId = idText(item.get("persistentId"));
        Integer version = version(item.get("version"));
        String name = text(item.get("name"));
        String updatedAt = text(item.get("updatedAt"));
        try {
            if (id == null) {
                throw new Unreadable("it has no id");
            }
            if (name == null || name.isBlank()) {
                throw new Unreadable("it has no name");
            }
            boolean activeStated = item.hasNonNull("isActive") || item.hasNonNull("active");
            boolean active = flag(item, item.hasNonNull("isActive") ? "isActive" : "active", true);
            return new RemoteWebTool(id, persistentId, version, active, activeStated, updatedAt,
                    instant(item.get("createdAt")), definition((ObjectNode) item, name));
        } catch (Unreadable e) {
            return new UnreadableWebTool(id, persistentId, version, name, updatedAt, e.getMessage());
        }
    }

    private static WebToolDefinition definition(ObjectNode item, String name) {
        JsonNode nested = item.get("toolSettings");
        if (nested != null && !nested.isNull() && !nested.isObject()) {
            throw new Unreadable("toolSettings is not an object");
        }
        JsonNode settings = nested != null && nested.isObject() ? nested : item;
        String type = text(item.get("type"));
        return new WebToolDefinition(
                type == null || type.isBlank() ? "FUNCTION" : type,
                name,
                optionalText(item, "description", ""),
                flag(item, "async", false),
                idText(item.get("collectionId")),
                params(first(item, "params", "parameters")),
                messages(item.get("messages")),
                firstText(settings, item, "serverUrl", "url"),
                firstText(settings, item, "methodType", "method").toUpperCase(Locale.ROOT),
                authType(firstOf(settings, item, "authType")),
                textOrNull(firstOf(settings, item, "authToken"), "authToken"),
                timeoutSeconds(settings, item),
                pairs(firstOf(settings, item, "httpHeaders", "headers"), "value", "headers"),
                pairs(firstOf(settings, item, "pathParameters", "pathParams"), "defaultValue", "pathParameters"));
    }

    /** {@code params} as a schema object; {@code null} or absent is an empty one; a JSON object in a string is read. */
    private static ObjectNode params(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return HamsaJson.MAPPER.createObjectNode();
        }
        if (node.isObject()) {
            return ((ObjectNode) node).deepCopy();
        }
        if (node.isTextual()) {
            try {
                JsonNode parsed = HamsaJson.MAPPER.readTree(node.asText());
                if (parsed != null && parsed.isObject()) {
                    return (ObjectNode) parsed;
                }
            } catch (IOException e) {
                // falls through to the reason below
            }
        }
        throw new Unreadable("params is not a JSON object");
    }

    /** {@code [{type, content}]} or {@code {type: content}}; entries without both are skipped. */
    private static Map<String, String> messages(@Nullable JsonNode node) {
        Map<String, String> messages = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return messages;
        }
        if (node.isArray()) {
            for (JsonNode message : node) {
                String type = message.isObject() ? text(message.get("type")) : null;
                String content = message.isObject() ? text(message.get("content")) : null;
                if (type != null && content != null) {
                    messages.putIfAbsent(type, content);
                }
            }
            return messages;
        }
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String content = text(e.getValue());
                if (content != null) {
                    messages.put(e.getKey(), content);
                }
            });
            return messages;
        }
        throw new Unreadable("messages is neither a list nor a map");
    }

    /**
     * A {@code {name: value}} map or a {@code [{name, <valueKey>}]} list (also {@code value} or
     * {@code default}); null values are skipped.
     */
    private static Map<String, String> pairs(@Nullable JsonNode node, String valueKey, String what) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return pairs;
        }
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String value = scalar(e.getValue());
                if (value != null) {
                    pairs.put(e.getKey(), value);
                }
            });
            return pairs;
        }
        if (!node.isArray()) {
            throw new Unreadable(what + " is neither a map nor a list");
        }
        for (JsonNode entry : node) {
            String key = entry.isObject() ? text(entry.hasNonNull("name") ? entry.get("name") : entry.get("key")) : null;
            if (key == null) {
                throw new Unreadable(what + " has an entry without a name");
            }
            JsonNode value = entry.has(valueKey) ? entry.get(valueKey) : entry.has("value") ? entry.get("value") : entry.get("default");
            String text = scalar(value);
            if (text != null) {
                pairs.put(key, text);
            }
        }
        return pairs;
    }

    /**
     * {@code timeOut} and {@code timeoutSeconds} are seconds; {@code timeout} is seconds, or
     * milliseconds when it is 1000 or more and a whole number of seconds (hamsa-api.md §8.3).
     */
    private static @Nullable BigDecimal timeoutSeconds(JsonNode settings, JsonNode item) {
        BigDecimal seconds = number(firstOf(settings, item, "timeOut", "timeoutSeconds"), "timeoutSeconds");
        if (seconds != null) {
            return seconds;
        }
        BigDecimal timeout = number(firstOf(settings, item, "timeout"), "timeout");
        if (timeout == null) {
            return null;
        }
        boolean millis = timeout.compareTo(THOUSAND) >= 0 && timeout.remainder(THOUSAND).signum() == 0;
        return millis ? timeout.divide(THOUSAND) : timeout;
    }

    /** {@code jwtAuth} and {@code none} however they are spelled; anything else as it is; null when absent. */
    private static @Nullable String authType(@Nullable JsonNode node) {
        String value = text(node);
        if (value == null) {
            return null;
        }
        String folded = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (folded.contains("jwt") || folded.contains("bearer")) {
            return WebToolDefinition.JWT_AUTH;
        }
        if (folded.isEmpty() || folded.equals("none") || folded.equals("noauth")) {
            return WebToolDefinition.NO_AUTH;
        }
        return value;
    }

    private static @Nullable JsonNode first(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    /** The first of {@code names} present in {@code settings}, else the first present in {@code item}. */
    private static @Nullable JsonNode firstOf(JsonNode settings, JsonNode item, String... names) {
        JsonNode found = first(settings, names);
        return found != null ? found : first(item, names);
    }

    private static String firstText(JsonNode settings, JsonNode item, String a, String b) {
        String value = textOrNull(firstOf(settings, item, a, b), a);
        return value == null ? "" : value.strip();
    }

    private static String optionalText(JsonNode item, String field, String absent) {
        String value = textOrNull(item.get(field), field);
        return value == null ? absent : value;
    }

    private static @Nullable String textOrNull(@Nullable JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new Unreadable(field + " is not text");
        }
        return node.asText();
    }

    private static boolean flag(JsonNode item, String field, boolean absent) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            return absent;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String text = node.isTextual() || node.isIntegralNumber() ? node.asText().strip().toLowerCase(Locale.ROOT) : "";
        if (text.equals("true") || text.equals("1")) {
            return true;
        }
        if (text.equals("false") || text.equals("0")) {
            return false;
        }
        throw new Unreadable(field + " is not a boolean");
    }

    private static @Nullable BigDecimal number(@Nullable JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        try {
            if (node.isTextual()) {
                return new BigDecimal(node.asText().strip());
            }
        } catch (NumberFormatException e) {
            // the reason below says it
        }
        throw new Unreadable(field + " is not a number");
    }

    private static @Nullable Integer version(@Nullable JsonNode node) {
        if (node != null && node.canConvertToInt() && node.isIntegralNumber()) {
            return node.intValue();
        }
        try {
            return node != null && node.isTextual() ? Integer.valueOf(node.asText().strip()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A point in time as ISO-8601 text ({@code 2024-05-01T10:00:00.123Z}, or with an offset) or as
     * epoch milliseconds (a number, or digits in a string); anything else is unknown, never a reason
     * to leave the tool unread.
     */
    private static @Nullable Instant instant(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.asText().strip();
        if (node.isIntegralNumber() && node.canConvertToLong() || node.isTextual() && text.matches("\\d{1,15}")) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        if (!node.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException notAnInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException unreadable) {
                return null;
            }
        }
    }

    /** An id as text: a string or a number. */
    private static @Nullable String idText(@Nullable JsonNode node) {
        String value = node != null && (node.isTextual() || node.isNumber()) ? node.asText() : null;
        return value == null || value.isBlank() ? null : value;
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    /** A scalar as text; {@code null} for JSON null or absent; containers are unreadable. */
    private static @Nullable String scalar(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new Unreadable("a value is not text");
        }
        return node.asText();
    }
}
