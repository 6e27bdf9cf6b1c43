package dev.toolwire.examples.reports;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A generated account report.
 *
 * @param reportId the report's id
 * @param accountId the account reported on
 * @param customerName the account holder
 * @param reportType summary, detailed or transactions
 * @param periodFrom the first day covered
 * @param periodTo the last day covered
 * @param generatedAt when the report was made
 * @param currency ISO 4217 code of every amount
 * @param balance the balance at the end of the period
 * @param totalIn what was paid in during the period
 * @param totalOut what was spent during the period
 * @param transactionCount how many transactions the period has
 * @param transactions the transactions, for detailed and transactions reports
 * @param summary a sentence the agent can read to the caller
 */
@Serdeable
public record AccountReport(
        String reportId,
        String accountId,
        String customerName,
        String reportType,
        LocalDate periodFrom,
        LocalDate periodTo,
        OffsetDateTime generatedAt,
        String currency,
        BigDecimal balance,
        BigDecimal totalIn,
        BigDecimal totalOut,
        int transactionCount,
        List<Transaction> transactions,
        String summary) {}
