package dev.toolwire.runtime.descriptor;

import io.micronaut.core.annotation.Internal;
import java.util.Map;

/**
 * How a wire value maps to the JSON form of its Java type: which keys and enum constants to rename
 * before Micronaut Serialization binds it.
 */
@Internal
public sealed interface Binding {

    /** Use the value as it is. */
    Binding VALUE = new Value();

    /** A value that needs no renaming: strings, numbers, booleans, dates and the like. */
    record Value() implements Binding {}

    /**
     * An enum: wire value to Java constant.
     *
     * @param constants from wire value to the Java constant name
     */
    record Constants(Map<String, String> constants) implements Binding {

        /**
         * Copies the map.
         *
         * @param constants the constants
         */
        public Constants {
            constants = Map.copyOf(constants);
        }
    }

    /**
     * A record or bean: wire property name to Java property.
     *
     * @param properties from wire name to the Java property
     */
    record Properties(Map<String, Property> properties) implements Binding {

        /**
         * Copies the map.
         *
         * @param properties the properties
         */
        public Properties {
            properties = Map.copyOf(properties);
        }
    }

    /**
     * A list, set or array.
     *
     * @param items the binding of each element
     */
    record Array(Binding items) implements Binding {}

    /**
     * A {@code Map<String, V>}.
     *
     * @param values the binding of each value
     */
    record MapOf(Binding values) implements Binding {}

    /**
     * A property of a {@link Properties} binding.
     *
     * @param javaName the Java property name
     * @param binding the binding of its value
     */
    record Property(String javaName, Binding binding) {}
}
