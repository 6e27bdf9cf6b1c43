package dev.toolwire.bench;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import io.micronaut.core.annotation.Nullable;

/**
 * The same lookups run on Micronaut's blocking executor ({@code @ExecuteOn(BLOCKING)}), as a plain
 * controller whose code may block: what Toolwire's plain (blocking) tools are compared against.
 * {@code /orders/{order_id}} answers like the example's {@code get_order_status}.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class BaselineBlockingController {

    private static final LocalDate TODAY = LocalDate.now();
    private static final Map<String, Order> ORDERS = Map.of("ORD-10001", new Order("ORD-10001", "CUST-1001", "delivered",
            "Your order was delivered on " + TODAY.minusDays(3) + ".", List.of(new Order.Item("Wireless headphones", 1)),
            new BigDecimal("349.00"), "AED", "Aramex", "AMX7700112233", null, TODAY.minusDays(3)));

    @Post("/blocking/tools/lookup_customer")
    HttpResponse<?> lookupCustomer(@Body BaselineLookupController.Lookup lookup) {
        return BaselineLookupController.answer(lookup);
    }

    @Get("/orders/{order_id}")
    HttpResponse<?> orderStatus(@PathVariable("order_id") String orderId) {
        Order order = ORDERS.get(orderId);
        return order == null ? HttpResponse.notFound() : HttpResponse.ok(order);
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Order(String orderId, String customerId, String status, String statusMessage, List<Item> items,
            BigDecimal total, String currency, @Nullable String carrier, @Nullable String trackingNumber,
            @Nullable LocalDate estimatedDelivery, @Nullable LocalDate deliveredOn) {

        @Serdeable(naming = SnakeCaseStrategy.class)
        record Item(String name, int quantity) {}
    }
}
