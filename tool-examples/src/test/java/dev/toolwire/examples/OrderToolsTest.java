package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

@MicronautTest
class OrderToolsTest {

    @Inject
    ToolHttp http;

    @Test
    void orderInTransit_hasCarrierTrackingAndFutureDelivery() {
        ToolHttp.Reply reply = http.get("/orders/ORD-10002");

        assertEquals(200, reply.status());
        assertEquals("in_transit", reply.body().get("status"));
        assertEquals("DHL", reply.body().get("carrier"));
        assertEquals(2, reply.list("items").size());
        assertTrue(LocalDate.parse((String) reply.body().get("estimated_delivery")).isAfter(LocalDate.now().minusDays(1)));
    }

    @Test
    void ordersInEveryState_areKnown() {
        assertEquals("delivered", http.get("/orders/ORD-10001").body().get("status"));
        assertEquals("processing", http.get("/orders/ORD-10003").body().get("status"));
        assertEquals("cancelled", http.get("/orders/ORD-10004").body().get("status"));
        assertEquals("shipped", http.get("/orders/ORD-10005").body().get("status"));
    }

    @Test
    void unknownOrder_isNotFoundAndRepeatsTheNumber() {
        ToolHttp.Reply reply = http.get("/orders/ORD-99999");

        assertEquals(404, reply.status());
        assertEquals("NOT_FOUND", reply.errorCode());
        assertTrue(((String) reply.error().get("message")).contains("ORD-99999"));
    }

    @Test
    void malformedOrderNumber_failsThePathPattern() {
        ToolHttp.Reply reply = http.get("/orders/12345");

        assertEquals(400, reply.status());
        assertEquals("INVALID_ARGUMENTS", reply.errorCode());
        assertTrue(reply.errorDetails().toString().contains("order_id"), reply.errorDetails().toString());
    }
}
