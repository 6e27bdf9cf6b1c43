package dev.toolwire.runtime.invoke.clash;

import dev.toolwire.annotations.Tool;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

@Singleton
@Requires(property = "spec.name", value = "RouteClash")
public class ClashTools {

    /**
     * One.
     *
     * @param id an id
     * @return the id
     */
    @Tool(path = "/clash/{id}")
    public String clashOne(String id) {
        return id;
    }

    /**
     * Two.
     *
     * @param other an id
     * @return the id
     */
    @Tool(path = "/clash/{other}")
    public String clashTwo(String other) {
        return other;
    }
}
