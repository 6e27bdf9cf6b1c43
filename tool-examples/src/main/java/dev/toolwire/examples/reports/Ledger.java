package dev.toolwire.examples.reports;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The billing ledger: each seeded account's currency and last 30 days of transactions. */
@Singleton
public class Ledger {

    /**
     * An account's currency and transactions, oldest first.
     *
     * @param currency ISO 4217 code
     * @param openingBalance the balance before the first transaction
     * @param transactions the movements
     */
    public record Account(String currency, BigDecimal openingBalance, List<Transaction> transactions) {}

    private final Map<String, Account> accounts;

    Ledger(Clock clock) {
        LocalDate today = LocalDate.now(clock);
        this.accounts = Map.of(
                "ACC-5001", new Account("AED", new BigDecimal("1200.00"), List.of(
                        tx(today.minusDays(27), "Monthly plan", "-199.00"),
                        tx(today.minusDays(20), "Card payment received", "500.00"),
                        tx(today.minusDays(9), "Order ORD-10002", "-178.50"),
                        tx(today.minusDays(5), "Order ORD-10001", "-349.00"))),
                "ACC-5002", new Account("OMR", new BigDecimal("85.00"), List.of(
                        tx(today.minusDays(15), "Bank transfer received", "100.00"),
                        tx(today.minusDays(2), "Order ORD-10003", "-112.00"))),
                "ACC-5003", new Account("USD", BigDecimal.ZERO.setScale(2), List.of(
                        tx(today.minusDays(12), "Order ORD-10004", "-39.99"),
                        tx(today.minusDays(11), "Refund ORD-10004", "39.99"),
                        tx(today.minusDays(1), "Order ORD-10005", "-129.00"))));
    }

    /**
     * Finds an account.
     *
     * @param accountId the account id
     * @return the account, if it exists
     */
    public Optional<Account> find(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    private static Transaction tx(LocalDate date, String description, String amount) {
        return new Transaction(date, description, new BigDecimal(amount));
    }
}
