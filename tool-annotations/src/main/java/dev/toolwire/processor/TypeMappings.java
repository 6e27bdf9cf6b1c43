package dev.toolwire.processor;

import dev.toolwire.processor.TypeModel.Kind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The scalar half of the type table (SPEC §3): Java type name to JSON type and format. Containers,
 * enums and objects are handled by {@link SchemaGenerator}; this is the only other place types are mapped.
 */
final class TypeMappings {

    /** A JSON scalar mapping. */
    record Scalar(Kind kind, String type, String format) {}

    private static final Map<String, Scalar> SCALARS = new LinkedHashMap<>();
    private static final Map<String, String> ALTERNATIVES = new LinkedHashMap<>();

    static {
        for (String t : new String[] {"java.lang.String", "java.lang.CharSequence", "char", "java.lang.Character"}) {
            SCALARS.put(t, new Scalar(Kind.STRING, "string", null));
        }
        for (String t : new String[] {"boolean", "java.lang.Boolean"}) {
            SCALARS.put(t, new Scalar(Kind.BOOLEAN, "boolean", null));
        }
        for (String t : new String[] {"byte", "short", "int", "long", "java.lang.Byte", "java.lang.Short",
                "java.lang.Integer", "java.lang.Long", "java.math.BigInteger", "java.util.OptionalInt",
                "java.util.OptionalLong"}) {
            SCALARS.put(t, new Scalar(Kind.INTEGER, "integer", null));
        }
        for (String t : new String[] {"float", "double", "java.lang.Float", "java.lang.Double",
                "java.math.BigDecimal", "java.util.OptionalDouble"}) {
            SCALARS.put(t, new Scalar(Kind.NUMBER, "number", null));
        }
        formatted("date", "java.time.LocalDate");
        formatted("time", "java.time.LocalTime");
        formatted("date-time", "java.time.OffsetDateTime", "java.time.ZonedDateTime", "java.time.Instant",
                "java.time.LocalDateTime");
        formatted("duration", "java.time.Duration");
        formatted("uuid", "java.util.UUID");
        formatted("uri", "java.net.URI", "java.net.URL");

        ALTERNATIVES.put("java.lang.Object", "a record or a concrete type");
        ALTERNATIVES.put("java.util.Date", "java.time.OffsetDateTime or java.time.LocalDate");
        ALTERNATIVES.put("java.sql.Date", "java.time.LocalDate");
        ALTERNATIVES.put("java.sql.Timestamp", "java.time.OffsetDateTime");
        ALTERNATIVES.put("java.util.Calendar", "java.time.OffsetDateTime or String");
        ALTERNATIVES.put("java.util.GregorianCalendar", "java.time.OffsetDateTime or String");
        ALTERNATIVES.put("java.time.Period", "java.time.Duration or an integer number of days");
        ALTERNATIVES.put("java.lang.Number", "java.math.BigDecimal");
        ALTERNATIVES.put("byte[]", "String (base64) or List<Integer>");
    }

    private TypeMappings() {}

    private static void formatted(String format, String... types) {
        for (String t : types) {
            SCALARS.put(t, new Scalar(Kind.FORMATTED, "string", format));
        }
    }

    /** @return the scalar mapping of a type name, if it is one of the table's scalars */
    static Optional<Scalar> scalar(String typeName) {
        return Optional.ofNullable(SCALARS.get(typeName));
    }

    /** @return whether the type is one of {@code OptionalInt}, {@code OptionalLong}, {@code OptionalDouble} */
    static boolean isPrimitiveOptional(String typeName) {
        return typeName.startsWith("java.util.Optional") && !typeName.equals("java.util.Optional");
    }

    /** @return what to use instead of an unsupported type, for the error message */
    static String alternative(String typeName) {
        return ALTERNATIVES.getOrDefault(typeName, "a String, number, boolean, enum, java.time type, List, Set,"
                + " Map<String, V> or a @Serdeable record");
    }
}
