package fixtures;

import dev.toolwire.annotations.HttpMethod;
import dev.toolwire.annotations.Tool;
import dev.toolwire.annotations.ToolParam;
import dev.toolwire.runtime.ToolContext;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** The example of docs/descriptor-format.md, plus a GET tool with a path placeholder, under snake_case naming. */
@Singleton
public class CustomerTools {

    /** Where an order is. */
    public enum OrderStatus { PLACED, IN_TRANSIT, DELIVERED }

    /**
     * Finds a customer by the phone number they are calling from.
     *
     * @param phoneNumber The caller's number in E.164 form.
     */
    @Tool(startMessage = "Let me pull up your account.")
    public String lookupCustomer(@Pattern(regexp = "^\\+[1-9][0-9]{6,14}$") String phoneNumber, ToolContext context) {
        return phoneNumber;
    }

    /**
     * Tells where an order is.
     *
     * @param orderId the order number, 'ORD-' and five digits
     * @param historyDays how many days of history to include
     */
    @Tool(method = HttpMethod.GET, path = "/orders/{order_id}")
    public OrderStatus getOrderStatus(
            @Pattern(regexp = "^ORD-[0-9]{5}$") String orderId,
            @ToolParam(defaultValue = "7") @Min(1) @Max(90) int historyDays) {
        return OrderStatus.IN_TRANSIT;
    }

    /**
     * Counts the caller's orders in one status.
     *
     * @param status which orders to count
     */
    @Tool(method = HttpMethod.GET)
    public int countOrders(@ToolParam(defaultValue = "IN_TRANSIT") OrderStatus status) {
        return 1;
    }
}
