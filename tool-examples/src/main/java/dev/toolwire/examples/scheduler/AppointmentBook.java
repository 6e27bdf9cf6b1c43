package dev.toolwire.examples.scheduler;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The appointments booked through the agent, in memory; bookings of one slot never overlap. Seeded with
 * {@code APT-1001} (a confirmed repair three business days ahead) and {@code APT-1002} (cancelled).
 */
@Singleton
public class AppointmentBook {

    private final Clock clock;
    private final AtomicInteger nextNumber = new AtomicInteger(1001);
    private final Map<String, Appointment> byId = new ConcurrentHashMap<>();
    private final Map<String, String> appointmentBySlot = new ConcurrentHashMap<>();

    AppointmentBook(Clock clock) {
        this.clock = clock;
        LocalDateTime seeded = nextOpenDay(LocalDate.now(clock).plusDays(3)).atTime(10, 0);
        book(ServiceType.REPAIR, seeded, "+971501234567", "Screen flickers");
        Appointment cancelled = book(ServiceType.CONSULTATION, seeded.plusHours(4), "+14155550123", null);
        cancel(cancelled.appointmentId(), "Customer found the answer online");
    }

    /** The current time in the business's time zone. */
    LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** Whether a slot is free: open, in the future, not taken elsewhere and not booked here. */
    boolean isFree(ServiceType type, LocalDateTime start) {
        return SlotCalendar.isOpen(start)
                && start.isAfter(now())
                && !SlotCalendar.takenElsewhere(type, start)
                && !appointmentBySlot.containsKey(SlotCalendar.slotId(type, start));
    }

    /** Every free slot of a service on the given days, earliest first. */
    List<Slot> freeSlots(ServiceType type, LocalDate from, LocalDate to) {
        List<Slot> free = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (LocalTime time = SlotCalendar.OPENS; time.isBefore(SlotCalendar.CLOSES); time = time.plusHours(1)) {
                if (isFree(type, day.atTime(time))) {
                    free.add(SlotCalendar.slot(type, day.atTime(time)));
                }
            }
        }
        return free;
    }

    /**
     * Books a slot if nobody holds it yet.
     *
     * @return the new appointment
     * @throws SlotTakenException if the slot was taken meanwhile
     */
    Appointment book(ServiceType type, LocalDateTime start, String phone, @Nullable String notes) {
        String slotId = SlotCalendar.slotId(type, start);
        String appointmentId = "APT-" + nextNumber.getAndIncrement();
        if (appointmentBySlot.putIfAbsent(slotId, appointmentId) != null) {
            throw new SlotTakenException(slotId);
        }
        Appointment appointment = new Appointment(appointmentId, slotId, type, phone, start, "confirmed",
                notes, null, "You're booked for " + SlotCalendar.spoken(start) + ". Your booking number is "
                        + appointmentId + ".");
        byId.put(appointmentId, appointment);
        return appointment;
    }

    Optional<Appointment> find(String appointmentId) {
        return Optional.ofNullable(byId.get(appointmentId));
    }

    /** Cancels an appointment and frees its slot; cancelling twice changes nothing. */
    Optional<Appointment> cancel(String appointmentId, @Nullable String reason) {
        Appointment result = byId.computeIfPresent(appointmentId, (id, appointment) -> {
            if (appointment.status().equals("cancelled")) {
                return appointment.withMessage("That appointment was already cancelled.");
            }
            appointmentBySlot.remove(appointment.slotId(), id);
            return appointment.cancelled(reason, "Your appointment on " + SlotCalendar.spoken(appointment.start())
                    + " is cancelled.");
        });
        return Optional.ofNullable(result);
    }

    private static LocalDate nextOpenDay(LocalDate from) {
        LocalDate day = from;
        while (!SlotCalendar.isOpen(day.atTime(SlotCalendar.OPENS))) {
            day = day.plusDays(1);
        }
        return day;
    }
}
