package dev.toolwire.examples.tickets;

import dev.toolwire.annotations.Idempotent;
import dev.toolwire.annotations.Tool;
import dev.toolwire.annotations.ToolParam;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Helpdesk tools. */
@Singleton
public class TicketTools {

    private final Helpdesk helpdesk;

    TicketTools(Helpdesk helpdesk) {
        this.helpdesk = helpdesk;
    }

    /**
     * Opens a support ticket for a problem the caller reports, and says when the team will answer.
     * Retry-safe: the same request again within five minutes answers the same ticket.
     *
     * @param customerEmail the e-mail address where the caller wants updates
     * @param subject a one-line summary of the problem, in the caller's words
     * @param description what happened, with any error messages or order numbers the caller gave
     * @param priority how urgent the problem is; use urgent only when the caller cannot work at all
     * @return the new ticket with its number
     */
    @Tool(startMessage = "I'm opening a ticket for you now.", completeMessage = "Your ticket is open.")
    @Idempotent(windowSeconds = 300)
    public Ticket createSupportTicket(
            @NotBlank @Email String customerEmail,
            @NotBlank @Size(max = 120) String subject,
            @NotBlank @Size(max = 2000) String description,
            @ToolParam(defaultValue = "medium") Priority priority) {
        return helpdesk.open(customerEmail, subject, description, priority);
    }
}
