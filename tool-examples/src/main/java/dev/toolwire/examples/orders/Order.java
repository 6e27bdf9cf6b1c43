package dev.toolwire.examples.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An order and where it is.
 *
 * @param orderId the order number, {@code ORD-} and five digits
 * @param customerId the CRM id of the buyer
 * @param status processing, shipped, in_transit, delivered or cancelled
 * @param statusMessage a sentence the agent can read to the caller
 * @param items what was ordered
 * @param total the amount charged
 * @param currency ISO 4217 code of {@code total}
 * @param carrier who delivers it, once shipped
 * @param trackingNumber the carrier's tracking number, once shipped
 * @param estimatedDelivery the expected delivery day, while on its way
 * @param deliveredOn the day it was delivered
 */
@Serdeable
public record Order(
        String orderId,
        String customerId,
        String status,
        String statusMessage,
        List<Item> items,
        BigDecimal total,
        String currency,
        @Nullable String carrier,
        @Nullable String trackingNumber,
        @Nullable LocalDate estimatedDelivery,
        @Nullable LocalDate deliveredOn) {

    /**
     * One line of an order.
     *
     * @param name the product name
     * @param quantity how many
     */
    @Serdeable
    public record Item(String name, int quantity) {}
}
