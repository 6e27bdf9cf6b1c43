package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.testing.client.ToolClient;
import dev.toolwire.testing.client.ToolResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class OrderToolsTest {

    @Inject
    ToolClient tools;

    @Test
    void orderInTransit_hasCarrierTrackingAndFutureDelivery() {
        ToolResponse reply = tools.call("get_order_status", Map.of("order_id", "ORD-10002"));

        assertEquals(200, reply.status());
        assertEquals("in_transit", reply.get("$.status"));
        assertEquals("DHL", reply.get("$.carrier"));
        assertEquals(2, reply.node("$.items").size());
        assertTrue(LocalDate.parse((String) reply.get("$.estimated_delivery")).isAfter(LocalDate.now().minusDays(1)));
    }

    @Test
    void ordersInEveryState_areKnown() {
        assertEquals("delivered", tools.call("get_order_status", Map.of("order_id", "ORD-10001")).get("$.status"));
        assertEquals("processing", tools.call("get_order_status", Map.of("order_id", "ORD-10003")).get("$.status"));
        assertEquals("cancelled", tools.call("get_order_status", Map.of("order_id", "ORD-10004")).get("$.status"));
        assertEquals("shipped", tools.call("get_order_status", Map.of("order_id", "ORD-10005")).get("$.status"));
    }

    @Test
    void unknownOrder_isNotFoundAndRepeatsTheNumber() {
        ToolResponse reply = tools.call("get_order_status", Map.of("order_id", "ORD-99999"));

        assertEquals(404, reply.status());
        assertEquals("NOT_FOUND", reply.errorCode());
        assertTrue(reply.errorMessage().contains("ORD-99999"));
    }

    @Test
    void malformedOrderNumber_failsThePathPattern() {
        ToolResponse reply = tools.call("get_order_status", Map.of("order_id", "12345"));

        assertEquals(400, reply.status());
        assertEquals("INVALID_ARGUMENTS", reply.errorCode());
        assertTrue(reply.errorDetails().toString().contains("order_id"), reply.errorDetails().toString());
    }
}
