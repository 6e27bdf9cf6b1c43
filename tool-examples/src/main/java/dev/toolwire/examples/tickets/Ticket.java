package dev.toolwire.examples.tickets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;

/**
 * A support ticket as the helpdesk filed it.
 *
 * @param ticketId the helpdesk id, {@code TCK-} and five digits
 * @param status {@code open} for a new ticket
 * @param priority how urgent it is; written low, medium, high or urgent, as the tool's arguments spell it
 * @param subject the one-line summary
 * @param customerEmail where updates are sent
 * @param customerId the CRM id when the e-mail belongs to a known customer
 * @param createdAt when the ticket was filed
 * @param respondBy when the helpdesk promises a first answer
 * @param confirmation a sentence the agent can read to the caller
 */
@Serdeable
public record Ticket(
        String ticketId,
        String status,
        Priority priority,
        String subject,
        String customerEmail,
        @Nullable String customerId,
        OffsetDateTime createdAt,
        OffsetDateTime respondBy,
        String confirmation) {}
