package dev.toolwire.examples.tickets;

import java.time.Duration;

/** How urgent a support ticket is, and how fast the helpdesk promises to answer it. */
public enum Priority {
    /** Answered within two business days. */
    LOW(Duration.ofHours(48), "within two business days"),
    /** Answered within a business day. */
    MEDIUM(Duration.ofHours(24), "within one business day"),
    /** Answered within four hours. */
    HIGH(Duration.ofHours(4), "within four hours"),
    /** Answered within the hour, day and night. */
    URGENT(Duration.ofHours(1), "within the hour");

    private final Duration responseTarget;
    private final String spokenTarget;

    Priority(Duration responseTarget, String spokenTarget) {
        this.responseTarget = responseTarget;
        this.spokenTarget = spokenTarget;
    }

    Duration responseTarget() {
        return responseTarget;
    }

    String spokenTarget() {
        return spokenTarget;
    }
}
