package dev.toolwire.examples.scheduler;

/**
 * The appointment book's own signal that a slot went to someone else between the check and the
 * booking. The book knows nothing of tools; {@link SlotTakenErrors} says what the agent hears.
 */
public final class SlotTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param slotId the slot that was taken
     */
    public SlotTakenException(String slotId) {
        super("Slot " + slotId + " is already booked");
    }
}
