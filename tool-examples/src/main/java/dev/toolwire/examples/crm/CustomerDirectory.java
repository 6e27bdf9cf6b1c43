package dev.toolwire.examples.crm;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The CRM's customer records, seeded in memory; safe for concurrent tool calls. */
@Singleton
public class CustomerDirectory {

    private final Map<String, Customer> byId = new ConcurrentHashMap<>();

    /** Creates the directory with its seeded customers. */
    public CustomerDirectory() {
        List.of(
                        new Customer("CUST-1001", "Layla Haddad", "+971501234567", "layla.haddad@example.com", "gold",
                                "ACC-5001", new Customer.Preferences(true, true, "morning")),
                        new Customer("CUST-1002", "Omar Khalid", "+96890123456", "omar.khalid@example.com", "silver",
                                "ACC-5002", new Customer.Preferences(true, false, "evening")),
                        new Customer("CUST-1003", "Sarah Miller", "+14155550123", "sarah.miller@example.com",
                                "standard", "ACC-5003", new Customer.Preferences(false, true, "afternoon")))
                .forEach(customer -> byId.put(customer.customerId(), customer));
    }

    /**
     * Finds a customer by the phone number on file.
     *
     * @param phoneNumber an E.164 number
     * @return the customer, if known
     */
    public Optional<Customer> findByPhone(String phoneNumber) {
        return byId.values().stream().filter(c -> c.phoneNumber().equals(phoneNumber)).findFirst();
    }

    /**
     * Finds a customer by e-mail address, ignoring case.
     *
     * @param email an e-mail address
     * @return the customer, if known
     */
    public Optional<Customer> findByEmail(String email) {
        return byId.values().stream().filter(c -> c.email().equalsIgnoreCase(email)).findFirst();
    }

    /**
     * Finds a customer by billing account.
     *
     * @param accountId the account id
     * @return the customer, if known
     */
    public Optional<Customer> findByAccount(String accountId) {
        return byId.values().stream().filter(c -> c.accountId().equals(accountId)).findFirst();
    }

    /**
     * Atomically changes a customer's record.
     *
     * @param customerId the CRM id
     * @param change the change to apply
     * @return the changed customer, or empty if the id is unknown
     */
    public Optional<Customer> update(String customerId, UnaryOperator<Customer> change) {
        return Optional.ofNullable(byId.computeIfPresent(customerId, (id, customer) -> change.apply(customer)));
    }
}
