package dev.toolwire.runtime.http.naming;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.toolwire.annotations.HttpMethod;
import dev.toolwire.annotations.Tool;
import dev.toolwire.annotations.ToolParam;
import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

@Singleton
@Requires(property = "spec.name", value = "ResultNamingTest")
public class PharmacyTools {

    /** How a refill reaches the patient. */
    public enum Delivery { HOME_DELIVERY, PICK_UP }

    /**
     * A refill.
     *
     * @param rxNumber the prescription number
     * @param refillsRemaining how many refills are left
     * @param delivery how it is delivered
     * @param pharmacy where it is prepared
     * @param alternatives other ways to get it
     * @param price what it costs
     * @param pharmacistNote a note, sent under the name the team chose
     * @param labelCode sent under the name of its {@code @ToolParam}
     */
    @Serdeable
    public record Refill(String rxNumber, int refillsRemaining, Delivery delivery, Pharmacy pharmacy,
            List<Delivery> alternatives, BigDecimal price, @JsonProperty("pharmacistNOTE") String pharmacistNote,
            @ToolParam(name = "label") String labelCode) {}

    /**
     * A pharmacy.
     *
     * @param storeName its name
     * @param open24Hours whether it never closes
     */
    @Serdeable
    public record Pharmacy(String storeName, boolean open24Hours) {}

    /**
     * A type that chose its own naming: Micronaut Serialization's snake case keeps digits with their word.
     *
     * @param storeName its name
     * @param open24Hours whether it never closes
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record SelfNamed(String storeName, boolean open24Hours) {}

    /**
     * Refills a prescription.
     *
     * @param rxNumber the prescription number
     * @return the refill
     */
    @Tool(method = HttpMethod.GET, path = "/refills/{rx_number}")
    public Refill refill(String rxNumber) {
        return new Refill(rxNumber, 2, Delivery.HOME_DELIVERY, new Pharmacy("Main Street", true),
                List.of(Delivery.PICK_UP), new BigDecimal("500.00"), "Take with food.", "L-1");
    }

    /**
     * The delivery a prescription gets.
     *
     * @param rxNumber the prescription number
     * @return the delivery
     */
    @Tool
    public Delivery deliveryOf(String rxNumber) {
        return Delivery.PICK_UP;
    }

    /**
     * Deliveries by prescription.
     *
     * @return the deliveries
     */
    @Tool
    public Map<String, Delivery> deliveries() {
        return Map.of("RX-1", Delivery.HOME_DELIVERY);
    }

    /**
     * A pharmacy whose type names itself.
     *
     * @return the pharmacy
     */
    @Tool
    public SelfNamed selfNamed() {
        return new SelfNamed("Harbour", false);
    }

    /**
     * Anything, undescribed.
     *
     * @return a map of whatever
     */
    @Tool
    public Map<String, Object> anything() {
        return Map.of("someKey", Delivery.PICK_UP);
    }
}
