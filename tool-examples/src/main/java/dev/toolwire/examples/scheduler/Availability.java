package dev.toolwire.examples.scheduler;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * The free slots found for a service.
 *
 * @param serviceType the service searched for
 * @param from the first day searched
 * @param to the last day searched
 * @param totalFree how many free slots there are in the range
 * @param slots the earliest free slots, at most ten
 * @param message a sentence the agent can say
 */
@Serdeable
public record Availability(
        ServiceType serviceType, LocalDate from, LocalDate to, int totalFree, List<Slot> slots, String message) {}
