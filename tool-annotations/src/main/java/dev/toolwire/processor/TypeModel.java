package dev.toolwire.processor;

import java.util.Map;

/**
 * The JSON Schema and the runtime binding of one Java type, as plain JSON trees (maps, lists and
 * scalars) ready for {@link JsonWriter}.
 *
 * @param kind what kind of JSON value the type maps to; decides which constraints and defaults apply
 * @param javaType the erased Java type name ({@code int}, {@code java.time.LocalDate}); for parsing defaults
 * @param schema the property schema; callers may add {@code description}, {@code default}, ... to it
 * @param binding the {@code binding} object of the descriptor's {@code invocation} section
 * @param optional whether the type is an {@code Optional}, which makes the argument not required
 */
record TypeModel(Kind kind, String javaType, Map<String, Object> schema, Map<String, Object> binding, boolean optional) {

    /** The JSON shapes a Java type can take. */
    enum Kind {
        STRING, INTEGER, NUMBER, BOOLEAN, ENUM, FORMATTED, ARRAY, MAP, OBJECT;

        /** @return whether the value is a single JSON scalar, so it can be a default or a path segment */
        boolean isScalar() {
            return this != ARRAY && this != MAP && this != OBJECT;
        }
    }

    TypeModel asOptional() {
        return new TypeModel(kind, javaType, schema, binding, true);
    }
}
