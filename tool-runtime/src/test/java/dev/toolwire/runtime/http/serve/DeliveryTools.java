package dev.toolwire.runtime.http.serve;

import dev.toolwire.annotations.Tool;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;

/** A tool whose nested argument is checked by a Jakarta rule the schema cannot say. */
@Singleton
@Requires(property = "spec.name", value = "ServeToolsTest")
public class DeliveryTools {

    /**
     * Schedules a delivery.
     *
     * @param delivery where and when
     * @return a confirmation
     */
    @Tool
    public String scheduleDelivery(@Valid Delivery delivery) {
        return "delivery for " + delivery.contactName() + " on " + delivery.deliveryDate();
    }
}
