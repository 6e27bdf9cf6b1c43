package dev.toolwire.runtime.invoke;

import dev.toolwire.annotations.ToolParam;
import dev.toolwire.processor.WireNames;
import io.micronaut.core.annotation.AnnotatedElement;
import io.micronaut.serde.config.naming.PropertyNamingStrategy;

/**
 * Names the properties of a result the way the generator names arguments: {@code @ToolParam(name)}
 * when given, else, under {@code snake_case}, the snake_case form of the Java name by the generator's
 * own rule ({@code open24Hours} as {@code open_24_hours}), and under {@code as_is} the Java name.
 * Micronaut Serialization asks it only for properties without an explicit {@code @JsonProperty} name.
 */
final class WireNamingStrategy implements PropertyNamingStrategy {
    private final boolean snakeCase;

    WireNamingStrategy(boolean snakeCase) {
        this.snakeCase = snakeCase;
    }

    @Override
    public String translate(AnnotatedElement element) {
        return element.getAnnotationMetadata().stringValue(ToolParam.class, "name").filter(name -> !name.isEmpty())
                .orElseGet(() -> snakeCase ? WireNames.snakeCase(element.getName()) : element.getName());
    }
}
