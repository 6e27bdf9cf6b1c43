package dev.toolwire.processor;

/**
 * A {@code {x}} placeholder of a tool path.
 *
 * @param name the placeholder, which is the wire name of an argument
 * @param defaultValue the argument's typed default, or {@code null}
 */
record PathParameterModel(String name, Object defaultValue) {}
