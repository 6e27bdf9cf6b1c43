package dev.toolwire.runtime.http.serve;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Current weather.
 *
 * @param city the city
 * @param units the units
 * @param degrees the temperature
 */
@Serdeable
public record Weather(String city, Units units, int degrees) {}
