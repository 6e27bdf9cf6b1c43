package dev.toolwire.runtime.http.serve;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Who is coming.
 *
 * @param leadName the name the table is booked under
 * @param seating where they want to sit
 * @param allergies allergies to tell the kitchen about
 */
@Serdeable
public record Party(String leadName, Seating seating, List<String> allergies) {}
