package dev.toolwire.bench;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.Map;

/**
 * The example's {@code lookup_customer} as a plain controller on the same route and with the same
 * answer shape, but without authentication, schema validation, access log or metrics: what a
 * hand-written endpoint costs, to compare Toolwire against.
 */
@Controller
final class BaselineLookupController {

    private static final Map<String, Customer> BY_PHONE = Map.of("+971501234567", new Customer("CUST-1001",
            "Layla Haddad", "+971501234567", "layla.haddad@example.com", "gold", "ACC-5001",
            new Preferences(true, true, "morning")));

    @Post("/tools/lookup_customer")
    HttpResponse<?> lookupCustomer(@Body Lookup lookup) {
        return answer(lookup);
    }

    static HttpResponse<?> answer(Lookup lookup) {
        Customer customer = BY_PHONE.get(lookup.phoneNumber());
        return customer == null ? HttpResponse.notFound() : HttpResponse.ok(new Answer(customer));
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Lookup(String phoneNumber) {}

    @Serdeable
    record Answer(Customer result) {}

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Customer(String customerId, String name, String phoneNumber, String email, String tier, String accountId,
            Preferences preferences) {}

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Preferences(boolean emailNotifications, boolean smsNotifications, String preferredContactTime) {}
}
