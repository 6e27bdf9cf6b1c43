package dev.toolwire.examples.crm;

import dev.toolwire.annotations.HttpMethod;
import dev.toolwire.annotations.Tool;
import dev.toolwire.runtime.ToolException;
import io.micronaut.core.annotation.NonBlocking;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;

/** CRM tools: who is calling, and how they want to be contacted. */
@Singleton
public class CustomerTools {

    private final CustomerDirectory directory;

    CustomerTools(CustomerDirectory directory) {
        this.directory = directory;
    }

    /**
     * Looks up the customer calling from a phone number: name, loyalty tier, account and contact
     * preferences. Call this first to identify the caller.
     *
     * @param phoneNumber the caller's phone number in E.164 format, for example +971501234567
     * @return the customer on file
     */
    // tag::lookup_customer[]
    @Tool(startMessage = "Let me pull up your account.")
    @NonBlocking // an in-memory lookup: served on the event loop; drop this when it calls a database
    public Customer lookupCustomer(@Pattern(regexp = PhoneNumbers.E164) String phoneNumber) {
        return directory
                .findByPhone(phoneNumber)
                .orElseThrow(() -> ToolException.notFound(
                        "I couldn't find a customer with that phone number. Could you confirm the number on your account?"));
    }
    // end::lookup_customer[]

    /**
     * Changes how a customer wants to be contacted. Only the preferences given are changed.
     *
     * @param customerId the customer's id from lookup_customer, for example CUST-1001
     * @param emailNotifications whether the customer wants e-mail notifications
     * @param smsNotifications whether the customer wants text-message notifications
     * @param preferredContactTime when the customer prefers to be contacted
     * @return the customer with the new preferences
     */
    @Tool(
            method = HttpMethod.PATCH,
            path = "/customers/{customer_id}",
            completeMessage = "I've updated your contact preferences.")
    public Customer updateCustomerPreferences(
            @Pattern(regexp = "^CUST-[0-9]{4}$") String customerId,
            Optional<Boolean> emailNotifications,
            Optional<Boolean> smsNotifications,
            Optional<ContactTime> preferredContactTime) {
        if (emailNotifications.isEmpty() && smsNotifications.isEmpty() && preferredContactTime.isEmpty()) {
            throw ToolException.invalidArgument(
                    "email_notifications", "Tell me which preference you'd like to change.");
        }
        return directory
                .update(customerId, customer -> {
                    Customer.Preferences old = customer.preferences();
                    return customer.withPreferences(new Customer.Preferences(
                            emailNotifications.orElse(old.emailNotifications()),
                            smsNotifications.orElse(old.smsNotifications()),
                            preferredContactTime.map(ContactTime::wireValue).orElse(old.preferredContactTime())));
                })
                .orElseThrow(() -> ToolException.notFound("I couldn't find a customer with the id " + customerId + "."));
    }
}
