package dev.toolwire.runtime.http.serve;

/** Where a party sits. */
public enum Seating {
    /** Inside. */
    INDOOR,
    /** On the terrace. */
    OUTDOOR_TERRACE
}
