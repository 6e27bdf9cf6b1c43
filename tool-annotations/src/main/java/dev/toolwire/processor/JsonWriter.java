package dev.toolwire.processor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tiny deterministic JSON writer: keys sorted at every level (except in an {@link InOrder} object,
 * written in the order it was filled), two-space indentation, {@code \n} line ends and a trailing
 * newline, so that two builds produce the same bytes. It exists so the processor needs no JSON library
 * on users' processor paths.
 *
 * <p>Values are {@code null}, {@link String}, {@link Boolean}, {@link Integer}, {@link Long},
 * {@link BigInteger}, {@link BigDecimal}, {@link Map} with string keys, and {@link List}.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();

    private JsonWriter() {}

    /**
     * A JSON object whose members are written in the order they were put, e.g. a schema's
     * {@code properties}, which follow the method's parameters (and a record's components) so that an
     * agent, a form or a reader sees them in the order the developer wrote them.
     *
     * @param <V> the member values
     */
    static final class InOrder<V> extends LinkedHashMap<String, V> {
        private static final long serialVersionUID = 1L;
    }

    static String write(Object value) {
        JsonWriter writer = new JsonWriter();
        writer.value(value, 0);
        return writer.out.append('\n').toString();
    }

    private void value(Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Map<?, ?> map) {
            object(map, depth);
        } else if (value instanceof List<?> list) {
            array(list, depth);
        } else {
            throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
        }
    }

    private void object(Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        Map<?, ?> members = map instanceof InOrder<?> ? map : new TreeMap<>(map);
        out.append('{');
        String separator = "\n";
        for (Map.Entry<?, ?> entry : members.entrySet()) {
            out.append(separator);
            indent(depth + 1);
            string((String) entry.getKey());
            out.append(": ");
            value(entry.getValue(), depth + 1);
            separator = ",\n";
        }
        out.append('\n');
        indent(depth);
        out.append('}');
    }

    private void array(List<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        String separator = "\n";
        for (Object item : list) {
            out.append(separator);
            indent(depth + 1);
            value(item, depth + 1);
            separator = ",\n";
        }
        out.append('\n');
        indent(depth);
        out.append(']');
    }

    private void indent(int depth) {
        out.append("  ".repeat(depth));
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
