package dev.toolwire.examples.scheduler;

import dev.toolwire.annotations.AuthMode;
import dev.toolwire.annotations.HttpMethod;
import dev.toolwire.annotations.Idempotent;
import dev.toolwire.annotations.Tool;
import dev.toolwire.annotations.ToolParam;
import dev.toolwire.examples.crm.PhoneNumbers;
import dev.toolwire.runtime.ToolException;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Scheduling tools: find a free slot, book it, cancel it. */
@Singleton
public class SchedulerTools {

    private static final int MAX_SLOTS_LISTED = 10;
    private static final int MAX_DAYS_OUT = 180;

    private final AppointmentBook book;

    SchedulerTools(AppointmentBook book) {
        this.book = book;
    }

    /**
     * Finds free appointment slots for a service, earliest first. Offer the caller one or two of them.
     *
     * @param serviceType the kind of appointment the caller needs
     * @param startDate the first day to search, in ISO format (2026-12-01); today or later
     * @param daysAhead how many days to search from the start date
     * @return the earliest free slots
     */
    // A read-only lookup that an existing gateway calls with a shared key: header auth, not JWT.
    @Tool(method = HttpMethod.GET, auth = AuthMode.HEADER, startMessage = "Let me check the calendar.")
    public Availability checkAvailability(
            ServiceType serviceType,
            LocalDate startDate,
            @ToolParam(defaultValue = "14") @Min(1) @Max(30) int daysAhead) {
        LocalDate today = book.now().toLocalDate();
        if (startDate.isBefore(today)) {
            throw ToolException.invalidArgument("start_date", "I can only look for slots from today on.");
        }
        if (startDate.isAfter(today.plusDays(MAX_DAYS_OUT))) {
            throw ToolException.invalidArgument("start_date", "I can only book up to six months ahead.");
        }
        LocalDate to = startDate.plusDays(daysAhead - 1L);
        List<Slot> free = book.freeSlots(serviceType, startDate, to);
        String message = free.isEmpty()
                ? "There are no free slots in that period. Would you like me to look further ahead?"
                : "The earliest free slot is " + free.get(0).spoken() + ".";
        return new Availability(serviceType, startDate, to, free.size(),
                List.copyOf(free.subList(0, Math.min(MAX_SLOTS_LISTED, free.size()))), message);
    }

    /**
     * Books a free slot found with check_availability for the caller. Retry-safe: the same booking
     * again within five minutes answers the same appointment.
     *
     * @param customerPhone the caller's phone number in E.164 format
     * @param slotId the slot_id of a free slot returned by check_availability
     * @param serviceType the kind of appointment; must match the slot
     * @param notes anything the technician should know, in the caller's words
     * @return the confirmed appointment
     */
    @Tool(startMessage = "I'm booking that for you.", completeMessage = "You're all set.")
    @Idempotent(windowSeconds = 300)
    public Appointment bookAppointment(
            @Pattern(regexp = PhoneNumbers.E164) String customerPhone,
            @Pattern(regexp = SlotCalendar.SLOT_ID_PATTERN) String slotId,
            ServiceType serviceType,
            Optional<@Size(max = 500) String> notes) {
        SlotCalendar.SlotRef slot = SlotCalendar.parse(slotId)
                .orElseThrow(() -> ToolException.invalidArgument("slot_id", "That slot doesn't exist."));
        if (slot.type() != serviceType) {
            throw ToolException.invalidArgument("slot_id", "That slot is for " + slot.type().wireValue()
                    + ", not " + serviceType.wireValue() + ". Please pick a slot for the right service.");
        }
        if (!book.isFree(slot.type(), slot.start())) {
            throw ToolException.conflict("That time is no longer available. Would you like me to find another slot?");
        }
        return book.book(slot.type(), slot.start(), customerPhone, notes.orElse(null)); // SlotTakenErrors answers a race
    }

    /**
     * Cancels an appointment. Cancelling one that is already cancelled is harmless and says so.
     *
     * @param appointmentId the booking number, for example APT-1001
     * @param cancellationReason why the caller cancels, in their words
     * @return the cancelled appointment
     */
    @Tool(
            method = HttpMethod.DELETE,
            path = "/appointments/{appointment_id}",
            completeMessage = "Your appointment is cancelled.")
    public Appointment cancelAppointment(
            @Pattern(regexp = "^APT-[0-9]{4,}$") String appointmentId,
            Optional<@Size(max = 500) String> cancellationReason) {
        Appointment existing = book.find(appointmentId)
                .orElseThrow(() -> ToolException.notFound("I couldn't find a booking with the number "
                        + appointmentId + "."));
        if (existing.status().equals("confirmed") && !existing.start().isAfter(book.now())) {
            throw ToolException.conflict("That appointment has already started, so it can't be cancelled.");
        }
        return book.cancel(appointmentId, cancellationReason.orElse(null)).orElseThrow();
    }
}
