package dev.toolwire.examples.orders;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The order system, seeded with orders in every state; dates are relative to today. */
@Singleton
public class OrderBook {

    private final Map<String, Order> orders;

    OrderBook(Clock clock) {
        LocalDate today = LocalDate.now(clock);
        this.orders = List.of(
                        new Order("ORD-10001", "CUST-1001", "delivered", "Your order was delivered on "
                                        + today.minusDays(3) + ".",
                                List.of(new Order.Item("Wireless headphones", 1)), new BigDecimal("349.00"), "AED",
                                "Aramex", "AMX7700112233", null, today.minusDays(3)),
                        new Order("ORD-10002", "CUST-1001", "in_transit", "Your order is on its way and should arrive on "
                                        + today.plusDays(2) + ".",
                                List.of(new Order.Item("Phone case", 2), new Order.Item("USB-C charger", 1)),
                                new BigDecimal("178.50"), "AED", "DHL", "DHL4455667788", today.plusDays(2), null),
                        new Order("ORD-10003", "CUST-1002", "processing", "Your order is being prepared and will ship"
                                        + " within two days.",
                                List.of(new Order.Item("Smart watch", 1)), new BigDecimal("112.00"), "OMR", null, null,
                                today.plusDays(5), null),
                        new Order("ORD-10004", "CUST-1003", "cancelled", "This order was cancelled and the refund"
                                        + " was issued to the original card.",
                                List.of(new Order.Item("Laptop stand", 1)), new BigDecimal("39.99"), "USD", null, null,
                                null, null),
                        new Order("ORD-10005", "CUST-1003", "shipped", "Your order has shipped and should arrive on "
                                        + today.plusDays(4) + ".",
                                List.of(new Order.Item("Mechanical keyboard", 1)), new BigDecimal("129.00"), "USD",
                                "UPS", "1Z999AA10123456784", today.plusDays(4), null))
                .stream()
                .collect(Collectors.toUnmodifiableMap(Order::orderId, Function.identity()));
    }

    /**
     * Finds an order by number.
     *
     * @param orderId the order number
     * @return the order, if it exists
     */
    public Optional<Order> find(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }
}
