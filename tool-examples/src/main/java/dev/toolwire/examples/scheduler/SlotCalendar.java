package dev.toolwire.examples.scheduler;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service center's opening hours and slot ids: hourly slots from 9:00 to 17:00, Monday to Friday.
 * About one slot in five is already taken by customers who booked by other channels; which ones is
 * fixed by the slot itself, so every run of the examples sees the same calendar.
 */
final class SlotCalendar {

    /** {@code RPR-20261201-0900}: service code, day, start time. */
    static final String SLOT_ID_PATTERN = "^(CON|RPR|INS|MNT)-[0-9]{8}-[0-9]{4}$";

    static final LocalTime OPENS = LocalTime.of(9, 0);
    static final LocalTime CLOSES = LocalTime.of(17, 0);

    private static final Pattern SLOT_ID = Pattern.compile(SLOT_ID_PATTERN);
    private static final DateTimeFormatter ID_DAY = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("HHmm", Locale.ROOT);
    private static final DateTimeFormatter SPOKEN =
            DateTimeFormatter.ofPattern("EEEE, MMMM d 'at' h:mm a", Locale.ENGLISH);

    private SlotCalendar() {}

    static boolean isOpen(LocalDateTime start) {
        DayOfWeek day = start.getDayOfWeek();
        return day != DayOfWeek.SATURDAY
                && day != DayOfWeek.SUNDAY
                && start.getMinute() == 0
                && !start.toLocalTime().isBefore(OPENS)
                && start.toLocalTime().isBefore(CLOSES);
    }

    /** Whether a slot was booked before this server started, through another channel. */
    static boolean takenElsewhere(ServiceType type, LocalDateTime start) {
        int mix = start.getDayOfYear() * 31 + start.getHour() * 7 + type.ordinal() * 13;
        return mix % 5 == 0;
    }

    static String slotId(ServiceType type, LocalDateTime start) {
        return type.code() + "-" + ID_DAY.format(start) + "-" + ID_TIME.format(start);
    }

    static String spoken(LocalDateTime start) {
        return SPOKEN.format(start);
    }

    static Slot slot(ServiceType type, LocalDateTime start) {
        return new Slot(slotId(type, start), type, start, spoken(start));
    }

    /** A parsed slot id, if it is well formed and names a real day and time. */
    record SlotRef(ServiceType type, LocalDateTime start) {}

    static Optional<SlotRef> parse(String slotId) {
        Matcher matcher = SLOT_ID.matcher(slotId);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String[] parts = slotId.split("-");
        try {
            LocalDate day = LocalDate.parse(parts[1], ID_DAY);
            LocalTime time = LocalTime.parse(parts[2], ID_TIME);
            return ServiceType.byCode(parts[0]).map(type -> new SlotRef(type, day.atTime(time)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
