package dev.toolwire.runtime.http.serve;

import dev.toolwire.annotations.HttpMethod;
import dev.toolwire.annotations.Tool;
import dev.toolwire.annotations.ToolParam;
import dev.toolwire.runtime.ToolContext;
import dev.toolwire.runtime.ToolException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
@Requires(property = "spec.name", value = "ServeToolsTest")
public class BookingTools {

    private final Strictness strictness;

    BookingTools(Strictness strictness) {
        this.strictness = strictness;
    }

    /**
     * Books a table.
     *
     * @param restaurantId the restaurant
     * @param guests how many people
     * @param date the day
     * @param email where to confirm
     * @param party who is coming
     * @param tags labels
     * @param note a note for the staff
     * @param context the call
     * @return what was bound
     */
    @Tool(path = "/restaurants/{restaurant_id}/bookings")
    public Map<String, Object> bookTable(
            String restaurantId,
            @Min(1) int guests,
            LocalDate date,
            @Email String email,
            Party party,
            Optional<List<String>> tags,
            Optional<String> note,
            ToolContext context) {
        Map<String, Object> bound = new LinkedHashMap<>();
        bound.put("restaurant", restaurantId);
        bound.put("guests", guests);
        bound.put("date", date.toString());
        bound.put("dayOfWeek", date.getDayOfWeek().name());
        bound.put("lead", party.leadName());
        bound.put("seating", party.seating().name());
        bound.put("allergies", party.allergies());
        bound.put("tags", tags.orElse(List.of("<none>")));
        bound.put("note", note.orElse("<empty>"));
        bound.put("tool", context.toolName());
        bound.put("requestId", context.requestId());
        bound.put("traceHeader", context.header("x-trace").orElse("<none>"));
        bound.put("secondsLeft", context.deadline().getEpochSecond() - java.time.Instant.now().getEpochSecond());
        return bound;
    }

    /**
     * Cancels a booking.
     *
     * @param bookingId the booking
     */
    @Tool(method = HttpMethod.DELETE, path = "/bookings/{booking_id}")
    public void cancelBooking(String bookingId) {
        if (bookingId.equals("taken")) {
            throw new ToolException(422, "SLOT_TAKEN", "That booking can no longer be cancelled.");
        }
    }

    /**
     * Finds nothing.
     *
     * @return null
     */
    @Tool
    public String findNothing() {
        return null;
    }

    /**
     * Fails unexpectedly.
     *
     * @return never
     */
    @Tool
    public String explode() {
        throw new IllegalStateException("secret password 1234 in dev.toolwire.internal.Vault");
    }

    /**
     * Business failures.
     *
     * @param kind which failure
     * @return never
     */
    @Tool
    public String refuse(String kind) {
        switch (kind) {
            case "conflict": throw ToolException.conflict("That slot was just taken.");
            case "argument": throw ToolException.invalidArgument("kind", "That kind is not allowed today.");
            case "unavailable": throw ToolException.unavailable("The booking system is down; try again soon.");
            default: return kind;
        }
    }

    /**
     * Reports the thread it runs on.
     *
     * @return the thread name
     */
    @Tool(method = HttpMethod.GET)
    public String whereAmI() {
        return Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? " daemon" : "");
    }

    /**
     * Shows how arguments merge.
     *
     * @param a from the path
     * @param b from the body
     * @param c from the query
     * @param n a number
     * @param flag a flag
     * @param ids some ids
     * @return the arguments
     */
    @Tool(path = "/merge/{a}")
    public Map<String, Object> mergeArgs(
            String a, String b, String c,
            @ToolParam(required = false) Integer n,
            @ToolParam(defaultValue = "false") boolean flag,
            @ToolParam(required = false) List<Integer> ids) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("a", a);
        result.put("b", b);
        result.put("c", c);
        result.put("n", n == null ? -1 : n + 1);
        result.put("flag", !flag);
        result.put("ids", ids == null ? List.of() : ids);
        return result;
    }

    /**
     * Counts.
     *
     * @param count a count
     * @return the count plus one
     */
    @Tool
    public int countUp(int count) {
        return count + 1;
    }

    /**
     * Checks a date with bean validation.
     *
     * @param date a date
     * @return the date
     */
    @Tool
    public LocalDate futureOnly(LocalDate date) {
        return strictness.requireFuture(date);
    }
}
