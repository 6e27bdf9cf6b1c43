package dev.toolwire.runtime.extension;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An application's own value type that Micronaut Serialization knows nothing about.
 *
 * @param amount the amount
 * @param currency the currency
 */
public record Money(BigDecimal amount, Currency currency) {}
