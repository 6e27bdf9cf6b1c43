package dev.toolwire.processor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Parses {@code @ToolParam(defaultValue)} and {@code example} strings against an argument's type at
 * compile time and returns the typed JSON value to publish: numbers as numbers, enum constants as
 * their wire values, dates and UUIDs validated and written in their canonical text.
 */
final class ValueParser {
    private ValueParser() {}

    /**
     * @return the typed JSON value
     * @throws IllegalArgumentException with a reason that completes "... is not valid: <reason>"
     */
    static Object parse(String text, TypeModel type) {
        Object value = parseType(text, type);
        checkBounds(value, type.schema());
        return value;
    }

    /** A default or example must also satisfy the schema's constraints, or the runtime would reject it. */
    private static void checkBounds(Object value, Map<String, Object> schema) {
        if (value instanceof Number number) {
            BigDecimal n = new BigDecimal(number.toString());
            bound(n, schema.get("minimum"), c -> c >= 0, "below the minimum ");
            bound(n, schema.get("exclusiveMinimum"), c -> c > 0, "not above ");
            bound(n, schema.get("maximum"), c -> c <= 0, "above the maximum ");
            bound(n, schema.get("exclusiveMaximum"), c -> c < 0, "not below ");
        } else if (value instanceof String s) {
            int length = s.codePointCount(0, s.length());
            if (schema.get("minLength") instanceof Long min && length < min) {
                throw new IllegalArgumentException("shorter than " + min + " characters");
            }
            if (schema.get("maxLength") instanceof Long max && length > max) {
                throw new IllegalArgumentException("longer than " + max + " characters");
            }
            if (schema.get("pattern") instanceof String regex && !Pattern.compile(regex).matcher(s).find()) {
                throw new IllegalArgumentException("it does not match the pattern '" + regex + "'");
            }
        }
    }

    private static void bound(BigDecimal value, Object limit, IntPredicate ok, String problem) {
        if (limit != null && !ok.test(value.compareTo(new BigDecimal(limit.toString())))) {
            throw new IllegalArgumentException(problem + limit);
        }
    }

    private static Object parseType(String text, TypeModel type) {
        return switch (type.kind()) {
            case STRING -> string(text, type.javaType());
            case BOOLEAN -> bool(text);
            case INTEGER -> integer(text, type.javaType());
            case NUMBER -> number(text);
            case ENUM -> enumValue(text, type);
            case FORMATTED -> formatted(text, type.javaType());
            default -> throw new IllegalArgumentException("a " + type.kind().name().toLowerCase(Locale.ROOT)
                    + " cannot have a default or example");
        };
    }

    private static Object string(String text, String javaType) {
        if ((javaType.equals("char") || javaType.equals("java.lang.Character")) && text.length() != 1) {
            throw new IllegalArgumentException("a char needs exactly one character");
        }
        return text;
    }

    private static Object bool(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException("a boolean is 'true' or 'false'");
    }

    private static Object integer(String text, String javaType) {
        BigInteger value;
        try {
            value = new BigInteger(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer");
        }
        int bits = switch (javaType) {
            case "byte", "java.lang.Byte" -> 8;
            case "short", "java.lang.Short" -> 16;
            case "int", "java.lang.Integer", "java.util.OptionalInt" -> 32;
            case "java.math.BigInteger" -> Integer.MAX_VALUE;
            default -> 64;
        };
        if (value.bitLength() >= bits) {
            throw new IllegalArgumentException("out of range for " + javaType);
        }
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private static Object number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
        }
    }

    private static Object enumValue(String text, TypeModel type) {
        @SuppressWarnings("unchecked")
        Map<String, String> constants = (Map<String, String>) type.binding().get("constants");
        for (Map.Entry<String, String> constant : constants.entrySet()) {
            if (constant.getKey().equals(text) || constant.getValue().equals(text)) {
                return constant.getKey();
            }
        }
        throw new IllegalArgumentException("not one of " + constants.values());
    }

    private static Object formatted(String text, String javaType) {
        try {
            return switch (javaType) {
                case "java.time.LocalDate" -> LocalDate.parse(text).toString();
                case "java.time.LocalTime" -> LocalTime.parse(text).toString();
                case "java.time.OffsetDateTime" -> OffsetDateTime.parse(text).toString();
                case "java.time.ZonedDateTime" -> ZonedDateTime.parse(text).toString();
                case "java.time.Instant" -> Instant.parse(text).toString();
                case "java.time.LocalDateTime" -> LocalDateTime.parse(text).toString();
                case "java.time.Duration" -> Duration.parse(text).toString();
                case "java.util.UUID" -> uuid(text);
                case "java.net.URI", "java.net.URL" -> uri(text, javaType.equals("java.net.URL"));
                default -> text;
            };
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 value for " + javaType);
        }
    }

    private static String uuid(String text) {
        try {
            UUID uuid = UUID.fromString(text);
            if (uuid.toString().equalsIgnoreCase(text)) {
                return text.toLowerCase(Locale.ROOT);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("not a UUID like '123e4567-e89b-12d3-a456-426614174000'");
    }

    private static String uri(String text, boolean absolute) {
        try {
            URI uri = new URI(text);
            if (absolute && !uri.isAbsolute()) {
                throw new IllegalArgumentException("a URL must be absolute");
            }
            return text;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URI");
        }
    }
}
