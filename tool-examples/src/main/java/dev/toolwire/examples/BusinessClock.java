package dev.toolwire.examples;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** Supplies the clock the examples use for "today", so tests can replace it with a fixed one. */
@Factory
public class BusinessClock {

    /** The time zone the example business works in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Dubai");

    /**
     * The business clock.
     *
     * @return the system clock in the business time zone
     */
    @Singleton
    public Clock clock() {
        return Clock.system(ZONE);
    }
}
