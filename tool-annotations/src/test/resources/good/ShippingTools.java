package fixtures;

import dev.toolwire.annotations.AuthMode;
import dev.toolwire.annotations.HttpMethod;
import dev.toolwire.annotations.Tool;
import dev.toolwire.annotations.ToolParam;
import dev.toolwire.runtime.ToolContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Shipping tools: the rich fixture, compiled with -Atoolwire.naming=as_is. */
@Singleton
public class ShippingTools {

    /** How fast a parcel travels. */
    public enum Speed { ECONOMY, EXPRESS, SAME_DAY }

    /**
     * A postal address.
     *
     * @param street street and house number
     * @param city the city
     * @param postCode the postal code
     * @param country ISO 3166-1 alpha-2 country code
     */
    @Serdeable
    public record Address(
            @NotBlank @Size(max = 120) String street,
            @NotBlank String city,
            @Pattern(regexp = "^[0-9A-Z -]{3,10}$") String postCode,
            @ToolParam(defaultValue = "DE") @Size(min = 2, max = 2) String country) {}

    /**
     * One line of a shipment.
     *
     * @param sku the stock keeping unit
     * @param quantity how many pieces
     * @param unitWeightKg weight of one piece in kilograms
     * @param dimensionsCm length, width and height in centimetres
     */
    @Serdeable
    public record Item(
            @NotEmpty String sku,
            @Positive int quantity,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("70.5") BigDecimal unitWeightKg,
            @Size(min = 3, max = 3) int[] dimensionsCm) {}

    /** Who to notify about the shipment; a mutable bean, to cover POJO properties. */
    @Serdeable
    public static class Contact {
        /** The contact's full name. */
        @NotBlank
        private String name;

        @Nullable
        private String phone;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        /** Derived, read-only: not an argument. */
        public String getDisplayName() {
            return name + (phone == null ? "" : " (" + phone + ")");
        }
    }

    /**
     * Books a shipment from one of our warehouses to an address.
     *
     * <p>Returns the {@code tracking number}.
     *
     * @param warehouseId the warehouse that ships
     * @param destination where the parcel goes
     * @param items what is in the parcel
     * @param notifyEmails who gets tracking mails
     * @param labels free-form labels printed on the parcel
     * @param speed how fast to ship
     * @param shipOn the day the parcel leaves the warehouse
     * @param deliverAfter the earliest delivery time
     * @param handlingTime how long packing may take
     * @param trackingCallback where to post tracking events
     * @param insuredValue ignored: the @ToolParam description wins
     * @param fragility how fragile the content is, from 0 to 10
     * @param priceAdjustmentCents a discount, as a negative number of cents
     * @param maxDetourKm no detour at all is 0
     * @param tags extra sorting tags
     * @param contact who to call on delivery problems
     * @param signatureRequired whether the recipient must sign
     */
    @Tool(method = HttpMethod.PUT,
            path = "/warehouses/{warehouseId}/shipments",
            timeoutSeconds = 30,
            async = true,
            startMessage = "Booking the shipment now.",
            completeMessage = "The shipment is booked.",
            auth = AuthMode.JWT)
    public String bookShipment(
            UUID warehouseId,
            ToolContext context,
            @NotNull Address destination,
            @Size(min = 1, max = 50) List<@NotNull Item> items,
            Set<@Email String> notifyEmails,
            @NotEmpty @Size(max = 10) Map<String, @Size(max = 200) String> labels,
            @ToolParam(defaultValue = "ECONOMY", example = "EXPRESS") Speed speed,
            @ToolParam(example = "2026-12-24") LocalDate shipOn,
            Optional<OffsetDateTime> deliverAfter,
            @ToolParam(defaultValue = "PT2H") Duration handlingTime,
            @Nullable URI trackingCallback,
            @ToolParam(name = "insured_value", description = "Declared value in euros.")
                    @PositiveOrZero @DecimalMax("10000.00") BigDecimal insuredValue,
            @Min(0) @Max(10) int fragility,
            @Negative long priceAdjustmentCents,
            @NegativeOrZero @ToolParam(defaultValue = "0") double maxDetourKm,
            String[] tags,
            Contact contact,
            @ToolParam(required = false) Boolean signatureRequired) {
        return "TRK-1";
    }
}
