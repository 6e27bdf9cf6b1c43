package dev.toolwire.processor;

/**
 * One argument of a tool: a method parameter, or a property of an object argument.
 *
 * @param javaName the Java parameter or property name
 * @param wireName the name callers use (a key of the schema's {@code properties})
 * @param type the schema (with description, default and examples applied) and binding
 * @param required whether the argument goes into the enclosing schema's {@code required}
 * @param defaultValue the typed default, or {@code null} for none
 */
record ArgumentModel(String javaName, String wireName, TypeModel type, boolean required, Object defaultValue) {}
