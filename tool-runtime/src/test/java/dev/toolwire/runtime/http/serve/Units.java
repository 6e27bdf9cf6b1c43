package dev.toolwire.runtime.http.serve;

/** Temperature units. */
public enum Units {
    /** Celsius. */
    CELSIUS,
    /** Fahrenheit. */
    FAHRENHEIT
}
