package dev.toolwire.runtime.hamsa;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads every item of Hamsa's paged list however the server pages, without trusting any one reading
 * of the documentation: {@code skip} is documented as a page number from 1, but may be an item
 * offset; {@code take} may be capped below what was asked; {@code total} may be absent. So a short
 * page ends nothing: pages are read until one brings no item not yet seen, and items are
 * de-duplicated by id. Which meaning {@code skip} has is told by the second page: a page number gives
 * new items, an offset repeats most of the first page (then {@code skip=0} is asked too, because an
 * offset of 1 skipped the first item).
 */
final class ListPager {

    /** The answer to one page request: its items, and {@code total} when the answer had one. */
    record Page(List<JsonNode> items, @Nullable Long total) {}

    /** Asks for one page. */
    @FunctionalInterface
    interface PageSource {
        Page fetch(long skip);
    }

    /** What was read: the distinct items in order, the {@code total} answered, and how paging went. */
    record Result(List<JsonNode> items, @Nullable Long total, boolean skipIsOffset, @Nullable String problem) {}

    private static final int MAX_REQUESTS = 2_000;

    private final PageSource source;
    private final Map<String, JsonNode> seen = new LinkedHashMap<>();
    private @Nullable Long total;
    private int requests;

    private ListPager(PageSource source) {
        this.source = source;
    }

    static Result readAll(PageSource source) {
        return new ListPager(source).read();
    }

    private Result read() {
        if (add(fetch(1)) == 0) {
            return withOffsetZero();
        }
        Page second = fetch(2);
        int fresh = add(second);
        int overlap = second.items().size() - fresh;
        if (overlap > 0 && overlap == second.items().size() && overlap == seen.size()) {
            // The same page again: an offset would have shifted it by one. The server ignores skip.
            return result(false, "the server answered the same page whatever skip asked");
        }
        if (overlap > 0 && overlap * 2 >= second.items().size()) {
            return offsets(2 + second.items().size());
        }
        if (fresh == 0) {
            return withOffsetZero();
        }
        for (long page = 3; fresh > 0; page++) {
            if (requests >= MAX_REQUESTS) {
                return result(false, "stopped after " + MAX_REQUESTS + " pages");
            }
            fresh = add(fetch(page));
        }
        return result(false, null);
    }

    /**
     * Everything fit on the first page, or it was empty: with a page number that is the whole list,
     * but with an offset {@code skip=1} skipped the first item (and a one-item list looks empty). When
     * {@code total} does not vouch for what was read, {@code skip=0} is asked too; a server that
     * refuses it (any way but refusing the key) pages by number.
     */
    private Result withOffsetZero() {
        if (total != null && total <= seen.size()) {
            return result(false, null);
        }
        try {
            return result(add(fetch(0)) > 0, null);
        } catch (HamsaApiException e) {
            if (e.isAuthFailure()) {
                throw e;
            }
            return result(false, null);
        }
    }

    /** {@code skip} is an item offset: ask for offset 0 (skipped by {@code skip=1}), then onwards from {@code next}. */
    private Result offsets(long next) {
        String problem = null;
        try {
            add(fetch(0));
        } catch (HamsaApiException e) {
            if (e.isAuthFailure()) {
                throw e;
            }
            problem = "skip=0 was refused, so the first item may be missing";
        }
        for (long offset = next; ; ) {
            if (requests >= MAX_REQUESTS) {
                return result(true, "stopped after " + MAX_REQUESTS + " pages");
            }
            Page page = fetch(offset);
            if (add(page) == 0) {
                return result(true, problem);
            }
            offset += page.items().size();
        }
    }

    private Page fetch(long skip) {
        requests++;
        Page page = source.fetch(skip);
        if (total == null) {
            total = page.total();
        }
        return page;
    }

    /** Adds the page's items not yet seen; returns how many were new. */
    private int add(Page page) {
        int added = 0;
        for (JsonNode item : page.items()) {
            JsonNode id = item.get("id");
            String key = id != null && (id.isTextual() || id.isNumber()) ? "id:" + id.asText() : "item:" + item;
            if (seen.putIfAbsent(key, item) == null) {
                added++;
            }
        }
        return added;
    }

    private Result result(boolean skipIsOffset, @Nullable String problem) {
        return new Result(new ArrayList<>(seen.values()), total, skipIsOffset, problem);
    }
}
