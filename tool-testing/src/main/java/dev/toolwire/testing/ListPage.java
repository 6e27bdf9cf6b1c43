package dev.toolwire.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list answer, {@code data: {items, total, filtered}}, as tool and agent lists share
 * it: {@code skip} the 1-based page (or a 0-based offset), {@code take} the page size (default 10),
 * shaped by the scripted paging quirks.
 */
final class ListPage {

    private ListPage() {}

    /**
     * @param all every item that matches, in list order
     * @param query the query parameters ({@code skip}, {@code take})
     * @param quirks the scripted paging behaviours
     * @param present turns a stored item (a copy) into its answer shape
     * @return the page, or 400 when {@code skip} or {@code take} is out of range
     */
    static Reply answer(List<ObjectNode> all, Map<String, String> query, Quirks quirks, UnaryOperator<ObjectNode> present) {
        boolean offsets = quirks.skipIsOffset;
        Integer skip = atLeast(query.getOrDefault("skip", offsets ? "0" : "1"), offsets ? 0 : 1);
        Integer take = atLeast(query.getOrDefault("take", "10"), 1);
        if (skip == null || take == null) {
            return Reply.invalid(List.of(offsets
                    ? "skip must be an integer of at least 0 and take an integer of at least 1"
                    : "skip and take must be integers of at least 1"));
        }
        int size = quirks.cap(take);
        long offset = offsets ? skip : (long) (skip - 1) * size;
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        all.stream().skip(offset).limit(size).map(present).forEach(items::add);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("items", items);
        if (!quirks.omitTotal) {
            data.put("total", all.size());
            data.put("filtered", items.size());
        }
        return Reply.ok(200, data);
    }

    private static @Nullable Integer atLeast(String value, int min) {
        try {
            int n = Integer.parseInt(value);
            return n >= min ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
