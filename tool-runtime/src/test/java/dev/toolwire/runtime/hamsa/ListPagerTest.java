package dev.toolwire.runtime.hamsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Paging that reads everything whatever {@code skip}, {@code take} and {@code total} mean to the server. */
class ListPagerTest {

    private static final int ASKED = 50;

    /** A server of {@code count} items that pages its own way, recording the skips asked. */
    private static final class Server implements ListPager.PageSource {
        final List<Long> skips = new ArrayList<>();
        private final int count;
        private final boolean offset;
        private final int cap;
        private final boolean total;
        private final boolean ignoresSkip;

        Server(int count, boolean offset, int cap, boolean total, boolean ignoresSkip) {
            this.count = count;
            this.offset = offset;
            this.cap = cap;
            this.total = total;
            this.ignoresSkip = ignoresSkip;
        }

        @Override
        public ListPager.Page fetch(long skip) {
            skips.add(skip);
            int size = cap > 0 ? Math.min(cap, ASKED) : ASKED;
            long from = ignoresSkip ? 0 : offset ? skip : (skip - 1) * size;
            if (from < 0) {
                // Some refuse a page number of 0 with a 400, others fail with a 500: neither stops the listing.
                throw skip == 0 && count % 2 == 1
                        ? new HamsaApiException(HamsaApiException.Kind.SERVER, 500, "GET", "/list", null, "negative offset", "", null)
                        : new HamsaApiException(HamsaApiException.Kind.VALIDATION, 400, "GET", "/list", 10400, "skip", "", null);
            }
            List<JsonNode> items = IntStream.range((int) Math.min(from, count), (int) Math.min(from + size, count))
                    .mapToObj(i -> (JsonNode) HamsaJson.MAPPER.createObjectNode().put("id", "t" + i)).toList();
            return new ListPager.Page(items, total ? Long.valueOf(count) : null);
        }
    }

    private static List<String> ids(ListPager.Result result) {
        return result.items().stream().map(i -> i.path("id").asText()).sorted().toList();
    }

    private static List<String> expected(int count) {
        return IntStream.range(0, count).mapToObj(i -> "t" + i).sorted().toList();
    }

    @Test
    void pageNumbers_asDocumented_readUntilAPageBringsNothingNew() {
        Server server = new Server(120, false, 0, true, false);
        ListPager.Result result = ListPager.readAll(server);
        assertEquals(expected(120), ids(result));
        assertEquals(List.of(1L, 2L, 3L, 4L), server.skips);
        assertFalse(result.skipIsOffset());
        assertEquals(120L, result.total());
        assertNull(result.problem());
    }

    @Test
    void aShortFirstPage_isNotTheEnd_whenTakeIsCappedAndThereIsNoTotal() {
        Server server = new Server(23, false, 5, false, false);
        ListPager.Result result = ListPager.readAll(server);
        assertEquals(expected(23), ids(result));
        assertNull(result.total());
    }

    @Test
    void skipAsAnOffset_isRecognised_andTheFirstItemIsRead() {
        for (int cap : new int[] {0, 2, 3, 7}) {
            for (int count : new int[] {1, 2, 9, 50, 51, 130}) {
                Server server = new Server(count, true, cap, cap % 2 == 0, false);
                ListPager.Result result = ListPager.readAll(server);
                assertEquals(expected(count), ids(result), "offset paging, cap " + cap + ", " + count + " items");
                assertTrue(result.skipIsOffset(), "cap " + cap + ", " + count + " items");
                assertTrue(server.skips.contains(0L));
            }
        }
    }

    @Test
    void aServerThatIgnoresSkip_endsAfterOneRepeat_andSaysTheListMayBeIncomplete() {
        for (boolean total : new boolean[] {true, false}) {
            Server capped = new Server(30, false, 10, total, true);
            ListPager.Result partial = ListPager.readAll(capped);
            assertEquals(10, partial.items().size());
            assertEquals(List.of(1L, 2L), capped.skips);
            assertEquals("the server answered the same page whatever skip asked", partial.problem());
        }
    }

    @Test
    void aTotalLargerThanWhatWasListed_makesTheListingIncomplete() {
        assertEquals("Hamsa reports 30 web tools but 0 were listed",
                new WebToolListing(List.of(), 30L, false, null).incompleteReason());
        assertNull(new WebToolListing(List.of(), 0L, false, null).incompleteReason());
        assertNull(new WebToolListing(List.of(), null, false, null).incompleteReason());
    }

    @Test
    void anEmptyProject_isOneRequest_whenTotalSaysSo() {
        Server server = new Server(0, false, 0, true, false);
        assertEquals(List.of(), ListPager.readAll(server).items());
        assertEquals(List.of(1L), server.skips);
    }

    @Test
    void aListThatFitsOnePage_withTotal_isTwoRequests_andWithoutTotal_asksSkipZeroToo() {
        Server documented = new Server(9, false, 0, true, false);
        assertEquals(expected(9), ids(ListPager.readAll(documented)));
        assertEquals(List.of(1L, 2L), documented.skips);

        Server silent = new Server(9, false, 0, false, false);
        ListPager.Result result = ListPager.readAll(silent);
        assertEquals(expected(9), ids(result));
        assertEquals(List.of(1L, 2L, 0L), silent.skips, "skip=0 is refused by a page-numbered server: nothing lost");
        assertFalse(result.skipIsOffset());
    }
}
