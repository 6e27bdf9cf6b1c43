package dev.toolwire.examples.reports;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One movement on an account; payments in are positive.
 *
 * @param date the booking day
 * @param description what it was
 * @param amount the signed amount in the account's currency
 */
@Serdeable
public record Transaction(LocalDate date, String description, BigDecimal amount) {}
