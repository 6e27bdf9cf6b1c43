package dev.toolwire.runtime.http.serve;

import dev.toolwire.annotations.Tool;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

@Singleton
@Requires(property = "spec.name", value = "ServeToolsTest")
public class ReminderTools {

    /**
     * Sets a reminder.
     *
     * @param at the first reminder, local time
     * @param dailyAt when to repeat it every day
     * @param due the deadline, with its offset
     * @return what was bound
     */
    @Tool
    public String setReminder(LocalDateTime at, LocalTime dailyAt, OffsetDateTime due) {
        return at + " " + dailyAt + " " + due.toInstant();
    }
}
