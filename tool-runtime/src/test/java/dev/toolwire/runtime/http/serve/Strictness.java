package dev.toolwire.runtime.http.serve;

import jakarta.inject.Singleton;
import jakarta.validation.constraints.Future;
import java.time.LocalDate;

/** A validated helper: its own Jakarta constraints fail with a ConstraintViolationException. */
@Singleton
public class Strictness {

    /**
     * Accepts only future dates.
     *
     * @param date the date
     * @return the date
     */
    public LocalDate requireFuture(@Future LocalDate date) {
        return date;
    }
}
