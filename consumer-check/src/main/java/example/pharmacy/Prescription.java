package example.pharmacy;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A prescription as the agent hears about it.
 *
 * @param rxNumber the prescription number
 * @param medicine what was prescribed
 * @param refillsRemaining refills left before the doctor must renew it
 */
@Serdeable
public record Prescription(String rxNumber, String medicine, int refillsRemaining) {}
