package dev.toolwire.bench.spring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The lookup on the tool's route, with the tool's answer shape ({@code {"result": {...}}}, snake_case). */
@RestController
class LookupController {

    private static final Map<String, Customer> BY_PHONE = Map.of("+971501234567", new Customer("CUST-1001",
            "Layla Haddad", "+971501234567", "layla.haddad@example.com", "gold", "ACC-5001",
            new Preferences(true, true, "morning")));

    @PostMapping("/tools/lookup_customer")
    ResponseEntity<Answer> lookupCustomer(@Valid @RequestBody Lookup lookup) {
        Customer customer = BY_PHONE.get(lookup.phoneNumber());
        return customer == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(new Answer(customer));
    }

    /** The argument, checked like the tool's: an E.164 phone number. */
    record Lookup(@NotNull @Pattern(regexp = "^\\+[1-9][0-9]{6,14}$") String phoneNumber) {}

    record Answer(Customer result) {}

    record Customer(String customerId, String name, String phoneNumber, String email, String tier, String accountId,
            Preferences preferences) {}

    record Preferences(boolean emailNotifications, boolean smsNotifications, String preferredContactTime) {}
}
