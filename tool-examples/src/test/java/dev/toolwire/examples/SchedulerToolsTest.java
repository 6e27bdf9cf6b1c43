package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class SchedulerToolsTest {

    private static final LocalDate NEXT_MONDAY =
            LocalDate.now(BusinessClock.ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));

    @Inject
    ToolHttp http;

    @Test
    void checkAvailability_queryStringIsCoercedAndDaysAheadDefaultsTo14() {
        ToolHttp.Reply reply = http.get("/tools/check_availability?service_type=repair&start_date=" + NEXT_MONDAY);

        assertEquals(200, reply.status());
        assertEquals(NEXT_MONDAY.plusDays(13).toString(), reply.body().get("to"));
        List<Map<String, Object>> slots = reply.list("slots");
        assertEquals(10, slots.size(), "at most ten slots are listed");
        assertTrue((Integer) reply.body().get("total_free") > 10);
        for (Map<String, Object> slot : slots) {
            LocalDateTime start = LocalDateTime.parse((String) slot.get("start"));
            assertFalse(start.getDayOfWeek() == DayOfWeek.SATURDAY || start.getDayOfWeek() == DayOfWeek.SUNDAY);
            assertTrue(start.getHour() >= 9 && start.getHour() < 17, "within opening hours: " + start);
            assertTrue(((String) slot.get("slot_id")).startsWith("RPR-"));
        }
    }

    @Test
    void checkAvailability_daysAheadOutOfRange_isInvalidArguments() {
        ToolHttp.Reply reply = http.get(
                "/tools/check_availability?service_type=repair&start_date=" + NEXT_MONDAY + "&days_ahead=31");

        assertEquals(400, reply.status());
        assertEquals("INVALID_ARGUMENTS", reply.errorCode());
        assertTrue(reply.errorDetails().toString().contains("days_ahead"));
    }

    @Test
    void checkAvailability_pastDate_asksForTodayOrLater() {
        ToolHttp.Reply reply = http.get("/tools/check_availability?service_type=installation&start_date=2020-01-06");

        assertEquals(400, reply.status());
        assertEquals("I can only look for slots from today on.", reply.error().get("message"));
    }

    @Test
    void bookAppointment_firstBookingWins_aRetryGetsTheSameAppointment_anotherCallerAConflict() {
        String slotId = firstFreeSlot("maintenance", NEXT_MONDAY.plusDays(7));
        String body = "{\"customer_phone\": \"+96890123456\", \"slot_id\": \"" + slotId
                + "\", \"service_type\": \"maintenance\", \"notes\": \"Gate code 4411\"}";

        ToolHttp.Reply booked = http.post("/tools/book_appointment", body);
        ToolHttp.Reply retried = http.post("/tools/book_appointment", body);
        ToolHttp.Reply other = http.post("/tools/book_appointment", body.replace("+96890123456", "+96890654321"));

        assertEquals(200, booked.status());
        assertEquals("confirmed", booked.body().get("status"));
        assertEquals("Gate code 4411", booked.body().get("notes"));
        assertEquals(200, retried.status());
        assertEquals(booked.body().get("appointment_id"), retried.body().get("appointment_id"));
        assertEquals(409, other.status());
        assertEquals("CONFLICT", other.errorCode());
        String nextCheck = "/tools/check_availability?service_type=maintenance&days_ahead=1&start_date="
                + slotId.substring(4, 8) + "-" + slotId.substring(8, 10) + "-" + slotId.substring(10, 12);
        assertFalse(http.get(nextCheck).list("slots").stream().anyMatch(s -> s.get("slot_id").equals(slotId)),
                "a booked slot is no longer offered");
    }

    @Test
    void bookAppointment_slotOfAnotherService_isRejected() {
        String slotId = firstFreeSlot("consultation", NEXT_MONDAY.plusDays(1));

        ToolHttp.Reply reply = http.post("/tools/book_appointment", "{\"customer_phone\": \"+14155550123\", "
                + "\"slot_id\": \"" + slotId + "\", \"service_type\": \"repair\"}");

        assertEquals(400, reply.status());
        assertEquals("INVALID_ARGUMENTS", reply.errorCode());
    }

    @Test
    void cancelAppointment_isIdempotent() {
        String slotId = firstFreeSlot("installation", NEXT_MONDAY.plusDays(2));
        String appointmentId = (String) http.post("/tools/book_appointment", "{\"customer_phone\": \"+14155550123\", "
                        + "\"slot_id\": \"" + slotId + "\", \"service_type\": \"installation\"}")
                .body().get("appointment_id");

        ToolHttp.Reply first = http.delete("/appointments/" + appointmentId, "{\"cancellation_reason\": \"Moving\"}");
        ToolHttp.Reply second = http.delete("/appointments/" + appointmentId, "{}");

        assertEquals(200, first.status());
        assertEquals("cancelled", first.body().get("status"));
        assertEquals("Moving", first.body().get("cancellation_reason"));
        assertEquals(200, second.status());
        assertEquals("cancelled", second.body().get("status"));
        assertEquals("That appointment was already cancelled.", second.body().get("message"));
    }

    @Test
    void cancelAppointment_seededCancelledAndUnknown() {
        assertEquals("That appointment was already cancelled.",
                http.delete("/appointments/APT-1002", "{}").body().get("message"));
        ToolHttp.Reply unknown = http.delete("/appointments/APT-9999", "{}");
        assertEquals(404, unknown.status());
        assertEquals("NOT_FOUND", unknown.errorCode());
    }

    private String firstFreeSlot(String serviceType, LocalDate from) {
        ToolHttp.Reply reply = http.get(
                "/tools/check_availability?service_type=" + serviceType + "&start_date=" + from + "&days_ahead=5");
        assertEquals(200, reply.status(), () -> reply.body().toString());
        return (String) reply.list("slots").get(0).get("slot_id");
    }
}
