package dev.toolwire.examples.scheduler;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDateTime;

/**
 * A free hour in the service center's calendar.
 *
 * @param slotId pass this to book_appointment
 * @param serviceType the kind of appointment the slot is for
 * @param start local start time in the business's time zone
 * @param spoken the start time as the agent should say it
 */
@Serdeable
public record Slot(String slotId, ServiceType serviceType, LocalDateTime start, String spoken) {}
