package dev.toolwire.runtime.observe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.runtime.invoke.ToolCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Formats values for a one-line {@code key=value} log: plain tokens stay as they are, anything else
 * is quoted with its quotes, backslashes and control characters escaped, and long values are cut,
 * so a caller cannot break the line or forge a key.
 */
final class LogValues {

    static final String REDACTED = "***";
    private static final int MAX_LENGTH = 80;

    private LogValues() {}

    static String safe(String value) {
        if (isPlain(value)) {
            return value;
        }
        String cut = value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) + "..." : value;
        StringBuilder quoted = new StringBuilder(cut.length() + 2).append('"');
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            switch (c) {
                case '"', '\\' -> quoted.append('\\').append(c);
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(Character.isISOControl(c) ? '?' : c);
            }
        }
        return quoted.append('"').toString();
    }

    /** Whether the value is 1 to {@value #MAX_LENGTH} of {@code [A-Za-z0-9._:/@+{}-]}: written unquoted. */
    private static boolean isPlain(String value) {
        int length = value.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == ':' || c == '/' || c == '@' || c == '+' || c == '{' || c == '}' || c == '-';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends {@code {name=value, ...}} for every argument of the call, in path, query, body order; a
     * value appears only when its name is in {@code logged} (the tool's opted-in arguments), else it is
     * {@value #REDACTED}, and a redacted value is never formatted.
     */
    static StringBuilder appendArguments(StringBuilder line, ToolCall call, Set<String> logged) {
        // A name given twice (path and body, say) is listed once, with the last value, as the merge sees it.
        Map<String, Object> values = new LinkedHashMap<>(call.pathValues());
        values.putAll(call.query());
        if (call.body() != null) {
            call.body().properties().forEach(field -> values.put(field.getKey(), field.getValue()));
        }
        line.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            line.append(first ? "" : ", ").append(safe(entry.getKey())).append('=')
                    .append(logged.contains(entry.getKey()) ? safe(text(entry.getValue())) : REDACTED);
            first = false;
        }
        return line.append('}');
    }

    /** A path value, query values (joined with commas) or a body value, as text. */
    private static String text(Object value) {
        if (value instanceof JsonNode node) {
            return node.isTextual() ? node.textValue() : node.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }
}
