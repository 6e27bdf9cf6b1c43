package dev.toolwire.examples.reports;

import dev.toolwire.annotations.Job;
import dev.toolwire.annotations.Tool;
import dev.toolwire.examples.crm.Customer;
import dev.toolwire.examples.crm.CustomerDirectory;
import dev.toolwire.runtime.ToolContext;
import dev.toolwire.runtime.ToolException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reporting tools: slow work that the agent talks over while it runs. The report is a job: when it
 * takes longer than two seconds the caller gets a job id at once, and
 * {@code generate_account_report_status} reports its progress, then the report.
 */
@Singleton
public class ReportTools {

    private static final int WORK_STEPS = 10;

    private final Ledger ledger;
    private final CustomerDirectory customers;
    private final Clock clock;
    private final Duration workTime;
    private final AtomicInteger nextNumber = new AtomicInteger(1);

    ReportTools(
            Ledger ledger,
            CustomerDirectory customers,
            Clock clock,
            @Value("${examples.reports.work-time:3s}") Duration workTime) {
        this.ledger = ledger;
        this.customers = customers;
        this.clock = clock;
        this.workTime = workTime;
    }

    /**
     * Generates a report of an account's last 30 days: balance, money in and out, and optionally every
     * transaction. Takes a few seconds; keep talking with the caller meanwhile.
     *
     * @param accountId the billing account, ACC followed by four digits, for example ACC-5001
     * @param reportType summary for totals only, detailed for totals and transactions, transactions for the list
     * @param context the call's context, for its deadline
     * @return the report
     */
    @Tool(
            async = true,
            timeoutSeconds = 60,
            startMessage = "I'm preparing that report; it takes a few seconds.",
            completeMessage = "Your report is ready.")
    @Job(
            acknowledgeWithinSeconds = 2,
            retainMinutes = 60,
            acknowledgeMessage = "I've started on your report; it takes a few seconds. I'll check on it in a moment.")
    public AccountReport generateAccountReport(
            @Pattern(regexp = "^ACC-[0-9]{4}$") String accountId, ReportType reportType, ToolContext context) {
        Ledger.Account account = ledger.find(accountId)
                .orElseThrow(() -> ToolException.notFound("I couldn't find the account " + accountId + "."));
        String holder = customers.findByAccount(accountId).map(Customer::name).orElse("Unknown holder");
        simulateWork(context);
        return report(accountId, holder, reportType, account);
    }

    /**
     * Stands in for the slow queries of a real reporting back end, reporting progress after each step
     * and giving up at the call's deadline (the runtime also interrupts it then).
     */
    private void simulateWork(ToolContext context) {
        long stepMillis = workTime.toMillis() / WORK_STEPS;
        for (int step = 0; step < WORK_STEPS; step++) {
            context.progress(step * 100 / WORK_STEPS, step < WORK_STEPS / 2 ? "Collecting transactions"
                    : step < WORK_STEPS - 1 ? "Adding up the balances" : "Writing the summary");
            if (Instant.now().plusMillis(stepMillis).isAfter(context.deadline())) {
                throw ToolException.unavailable("The report is taking longer than expected. Please ask me again in a"
                        + " few minutes.");
            }
            try {
                Thread.sleep(stepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ToolException.unavailable("The report was interrupted. Please ask me again.");
            }
        }
    }

    private AccountReport report(String accountId, String holder, ReportType type, Ledger.Account account) {
        LocalDate to = LocalDate.now(clock);
        List<Transaction> transactions = account.transactions();
        BigDecimal in = sum(transactions, 1);
        BigDecimal out = sum(transactions, -1).negate();
        BigDecimal balance = account.openingBalance().add(in).subtract(out);
        String summary = "Over the last 30 days your balance went from " + account.openingBalance() + " to "
                + balance + " " + account.currency() + ", with " + transactions.size() + " transactions.";
        return new AccountReport(
                "RPT-" + String.format(Locale.ROOT, "%05d", nextNumber.getAndIncrement()),
                accountId,
                holder,
                type.name().toLowerCase(Locale.ROOT),
                to.minusDays(30),
                to,
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS),
                account.currency(),
                balance,
                in,
                out,
                transactions.size(),
                type == ReportType.SUMMARY ? List.of() : transactions,
                summary);
    }

    /** Sums the amounts with the given sign (+1 for money in, -1 for money out). */
    private static BigDecimal sum(List<Transaction> transactions, int sign) {
        return transactions.stream()
                .map(Transaction::amount)
                .filter(amount -> amount.signum() == sign)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
