package dev.toolwire.examples.tickets;

import dev.toolwire.examples.crm.Customer;
import dev.toolwire.examples.crm.CustomerDirectory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The helpdesk: files tickets with ids in sequence and a promised response time. */
@Singleton
public class Helpdesk {

    private final CustomerDirectory customers;
    private final Clock clock;
    private final AtomicInteger nextNumber = new AtomicInteger(10001);

    Helpdesk(CustomerDirectory customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * Files a new ticket and links it to the customer who owns the e-mail address, if any.
     *
     * @param email where updates go
     * @param subject the one-line summary
     * @param description what happened
     * @param priority how urgent it is
     * @return the filed ticket
     */
    public Ticket open(String email, String subject, String description, Priority priority) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String id = "TCK-" + nextNumber.getAndIncrement();
        OffsetDateTime respondBy = now.plus(priority.responseTarget());
        String customerId = customers.findByEmail(email).map(Customer::customerId).orElse(null);
        return new Ticket(
                id,
                "open",
                priority,
                subject.strip(),
                email,
                customerId,
                now,
                respondBy,
                "Your ticket number is " + spell(id) + ". Our team will get back to you " + priority.spokenTarget()
                        + ".");
    }

    /** Spells an id the way an agent should read it out: "T C K, 1 0 0 0 1". */
    private static String spell(String id) {
        String[] parts = id.split("-", 2);
        return String.join(" ", parts[0].split("")) + ", " + String.join(" ", parts[1].split(""));
    }
}
