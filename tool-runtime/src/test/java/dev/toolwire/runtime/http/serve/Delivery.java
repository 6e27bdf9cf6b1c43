package dev.toolwire.runtime.http.serve;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Future;
import java.time.LocalDate;

/**
 * Where and when to deliver: the date's rule ({@code @Future}) has no JSON Schema keyword, so only the
 * Java check can refuse it.
 *
 * @param contactName who receives it
 * @param deliveryDate when, after today
 */
@Serdeable
public record Delivery(String contactName, @Future LocalDate deliveryDate) {}
