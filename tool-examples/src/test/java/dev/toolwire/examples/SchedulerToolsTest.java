package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.testing.client.ToolClient;
import dev.toolwire.testing.client.ToolResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class SchedulerToolsTest {

    private static final LocalDate NEXT_MONDAY =
            LocalDate.now(BusinessClock.ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));

    @Inject
    ToolClient tools;

    @Test
    void checkAvailability_queryStringIsCoercedAndDaysAheadDefaultsTo14() {
        ToolResponse reply = tools.call("check_availability", Map.of("service_type", "repair", "start_date", NEXT_MONDAY));

        assertEquals(200, reply.status());
        assertEquals(NEXT_MONDAY.plusDays(13).toString(), reply.get("$.to"));
        JsonNode slots = reply.node("$.slots");
        assertEquals(10, slots.size(), "at most ten slots are listed");
        assertTrue((Integer) reply.get("$.total_free") > 10);
        for (JsonNode slot : slots) {
            LocalDateTime start = LocalDateTime.parse(slot.path("start").asText());
            assertFalse(start.getDayOfWeek() == DayOfWeek.SATURDAY || start.getDayOfWeek() == DayOfWeek.SUNDAY);
            assertTrue(start.getHour() >= 9 && start.getHour() < 17, "within opening hours: " + start);
            assertTrue(slot.path("slot_id").asText().startsWith("RPR-"));
        }
    }

    @Test
    void checkAvailability_daysAheadOutOfRange_isInvalidArguments() {
        ToolResponse reply = tools.call("check_availability",
                Map.of("service_type", "repair", "start_date", NEXT_MONDAY, "days_ahead", 31));

        assertEquals(400, reply.status());
        assertEquals("INVALID_ARGUMENTS", reply.errorCode());
        assertTrue(reply.errorDetails().toString().contains("days_ahead"));
    }

    @Test
    void checkAvailability_pastDate_asksForTodayOrLater() {
        ToolResponse reply = tools.call("check_availability", Map.of("service_type", "installation", "start_date", "2020-01-06"));

        assertEquals(400, reply.status());
        assertEquals("I can only look for slots from today on.", reply.errorMessage());
    }

    @Test
    void bookAppointment_firstBookingWins_aRetryGetsTheSameAppointment_anotherCallerAConflict() {
        String slotId = firstFreeSlot("maintenance", NEXT_MONDAY.plusDays(7));
        String body = "{\"customer_phone\": \"+96890123456\", \"slot_id\": \"" + slotId
                + "\", \"service_type\": \"maintenance\", \"notes\": \"Gate code 4411\"}";

        ToolResponse booked = tools.call("book_appointment", body);
        ToolResponse retried = tools.call("book_appointment", body);
        ToolResponse other = tools.call("book_appointment", body.replace("+96890123456", "+96890654321"));

        assertEquals(200, booked.status());
        assertEquals("confirmed", booked.get("$.status"));
        assertEquals("Gate code 4411", booked.get("$.notes"));
        assertEquals(200, retried.status());
        assertEquals(booked.get("$.appointment_id"), retried.get("$.appointment_id"));
        assertEquals(409, other.status());
        assertEquals("CONFLICT", other.errorCode());
        String slotDay = slotId.substring(4, 8) + "-" + slotId.substring(8, 10) + "-" + slotId.substring(10, 12);
        ToolResponse nextCheck = tools.call("check_availability",
                Map.of("service_type", "maintenance", "days_ahead", 1, "start_date", slotDay));
        assertFalse(nextCheck.node("$.slots").findValuesAsText("slot_id").contains(slotId),
                "a booked slot is no longer offered");
    }

    @Test
    void bookAppointment_slotOfAnotherService_isRejected() {
        String slotId = firstFreeSlot("consultation", NEXT_MONDAY.plusDays(1));

        ToolResponse reply = tools.call("book_appointment", "{\"customer_phone\": \"+14155550123\", "
                + "\"slot_id\": \"" + slotId + "\", \"service_type\": \"repair\"}");

        assertEquals(400, reply.status());
        assertEquals("INVALID_ARGUMENTS", reply.errorCode());
    }

    @Test
    void cancelAppointment_isIdempotent() {
        String slotId = firstFreeSlot("installation", NEXT_MONDAY.plusDays(2));
        String appointmentId = (String) tools.call("book_appointment", "{\"customer_phone\": \"+14155550123\", "
                        + "\"slot_id\": \"" + slotId + "\", \"service_type\": \"installation\"}")
                .get("$.appointment_id");

        ToolResponse first = tools.call("cancel_appointment",
                Map.of("appointment_id", appointmentId, "cancellation_reason", "Moving"));
        ToolResponse second = tools.call("cancel_appointment", Map.of("appointment_id", appointmentId));

        assertEquals(200, first.status());
        assertEquals("cancelled", first.get("$.status"));
        assertEquals("Moving", first.get("$.cancellation_reason"));
        assertEquals(200, second.status());
        assertEquals("cancelled", second.get("$.status"));
        assertEquals("That appointment was already cancelled.", second.get("$.message"));
    }

    @Test
    void cancelAppointment_seededCancelledAndUnknown() {
        assertEquals("That appointment was already cancelled.",
                tools.call("cancel_appointment", Map.of("appointment_id", "APT-1002")).get("$.message"));
        ToolResponse unknown = tools.call("cancel_appointment", Map.of("appointment_id", "APT-9999"));
        assertEquals(404, unknown.status());
        assertEquals("NOT_FOUND", unknown.errorCode());
    }

    private String firstFreeSlot(String serviceType, LocalDate from) {
        ToolResponse reply = tools.call("check_availability",
                Map.of("service_type", serviceType, "start_date", from, "days_ahead", 5));
        return (String) reply.assertOk().get("$.slots[0].slot_id");
    }
}
