package dev.toolwire.examples.crm;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A customer as the agent sees it.
 *
 * @param customerId the CRM id, {@code CUST-} and four digits
 * @param name the full name
 * @param phoneNumber the number on file, E.164
 * @param email the e-mail address on file
 * @param tier the loyalty tier: standard, silver or gold
 * @param accountId the billing account, {@code ACC-} and four digits
 * @param preferences how the customer wants to be contacted
 */
@Serdeable
public record Customer(
        String customerId,
        String name,
        String phoneNumber,
        String email,
        String tier,
        String accountId,
        Preferences preferences) {

    /**
     * A customer's contact preferences.
     *
     * @param emailNotifications whether we may send e-mail
     * @param smsNotifications whether we may send text messages
     * @param preferredContactTime morning, afternoon or evening
     */
    @Serdeable
    public record Preferences(boolean emailNotifications, boolean smsNotifications, String preferredContactTime) {}

    Customer withPreferences(Preferences newPreferences) {
        return new Customer(customerId, name, phoneNumber, email, tier, accountId, newPreferences);
    }
}
