package dev.toolwire.examples.crm;

import java.util.Locale;

/** The part of the day a customer prefers to be contacted in. */
public enum ContactTime {
    /** 8:00 to 12:00. */
    MORNING,
    /** 12:00 to 17:00. */
    AFTERNOON,
    /** 17:00 to 20:00. */
    EVENING;

    /**
     * The value as it is spoken and sent on the wire.
     *
     * @return the lower-case name
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
