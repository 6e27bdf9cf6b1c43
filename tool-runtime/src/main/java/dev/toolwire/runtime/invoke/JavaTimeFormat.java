package dev.toolwire.runtime.invoke;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.DateTimeFormat;
import com.networknt.schema.format.Format;
import com.networknt.schema.format.TimeFormat;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The {@code time} and {@code date-time} formats as Java's types read them. JSON Schema takes both
 * from RFC 3339, which demands a UTC offset, but the generator also gives them to {@code LocalTime}
 * and {@code LocalDateTime} (SPEC §3), whose values have none. So a value passes when it is RFC 3339
 * or an ISO local time / date-time; binding then holds each argument to its own Java type.
 */
final class JavaTimeFormat implements Format {

    private final Format rfc3339;
    private final Function<String, ?> localParser;

    private JavaTimeFormat(Format rfc3339, Function<String, ?> localParser) {
        this.rfc3339 = rfc3339;
        this.localParser = localParser;
    }

    /** @return {@code time}: {@code 09:30:00Z} or {@code 09:30} */
    static Format time() {
        return new JavaTimeFormat(new TimeFormat(), LocalTime::parse);
    }

    /** @return {@code date-time}: {@code 2026-01-31T09:30:00+04:00} or {@code 2026-01-31T09:30} */
    static Format dateTime() {
        return new JavaTimeFormat(new DateTimeFormat(), LocalDateTime::parse);
    }

    @Override
    public String getName() {
        return rfc3339.getName();
    }

    @Override
    public String getMessageKey() {
        return rfc3339.getMessageKey();
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
        if (rfc3339.matches(executionContext, value)) {
            return true;
        }
        try {
            localParser.apply(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
