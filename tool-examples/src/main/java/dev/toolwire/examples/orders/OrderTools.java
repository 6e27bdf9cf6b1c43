package dev.toolwire.examples.orders;

import dev.toolwire.annotations.HttpMethod;
import dev.toolwire.annotations.Tool;
import dev.toolwire.runtime.ToolException;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Pattern;

/** Order tools. */
@Singleton
public class OrderTools {

    private final OrderBook orders;

    OrderTools(OrderBook orders) {
        this.orders = orders;
    }

    /**
     * Tells where an order is: its status, carrier, tracking number and expected delivery day.
     *
     * @param orderId the order number the caller reads out, ORD followed by five digits, for example ORD-10002
     * @return the order and its status
     */
    @Tool(method = HttpMethod.GET, path = "/orders/{order_id}", startMessage = "Let me check on that order.")
    public Order getOrderStatus(@Pattern(regexp = "^ORD-[0-9]{5}$") String orderId) {
        return orders.find(orderId)
                .orElseThrow(() -> ToolException.notFound("I couldn't find order " + orderId
                        + ". Could you read me the order number again?"));
    }
}
