package dev.toolwire.examples.scheduler;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDateTime;

/**
 * A booked appointment.
 *
 * @param appointmentId the booking id, {@code APT-} and four digits
 * @param slotId the slot it occupies
 * @param serviceType the kind of appointment
 * @param customerPhone who booked it, E.164
 * @param start local start time in the business's time zone
 * @param status confirmed or cancelled
 * @param notes what the caller asked us to note
 * @param cancellationReason why it was cancelled, if it was
 * @param message a sentence the agent can say
 */
@Serdeable
public record Appointment(
        String appointmentId,
        String slotId,
        ServiceType serviceType,
        String customerPhone,
        LocalDateTime start,
        String status,
        @Nullable String notes,
        @Nullable String cancellationReason,
        String message) {

    Appointment cancelled(@Nullable String reason, String newMessage) {
        return new Appointment(appointmentId, slotId, serviceType, customerPhone, start, "cancelled", notes, reason,
                newMessage);
    }

    Appointment withMessage(String newMessage) {
        return new Appointment(appointmentId, slotId, serviceType, customerPhone, start, status, notes,
                cancellationReason, newMessage);
    }
}
