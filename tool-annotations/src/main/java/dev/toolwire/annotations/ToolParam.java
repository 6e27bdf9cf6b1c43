package dev.toolwire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a tool argument: a parameter of a {@link Tool} method, or a record component or bean
 * property of a parameter's type.
 *
 * <p>Every attribute is optional; without the annotation a parameter still becomes an argument named
 * after the Java name in snake_case, described by its Javadoc {@code @param} text and constrained by
 * its Jakarta annotations.
 *
 * <pre>{@code
 * @Tool
 * public Slots checkAvailability(
 *         ServiceType serviceType,
 *         @ToolParam(description = "First day to search, in ISO format", example = "2026-12-01") LocalDate startDate,
 *         @ToolParam(defaultValue = "14") @Min(1) @Max(30) int daysAhead) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface ToolParam {

    /** The value of {@link #defaultValue()} that means "no default". */
    String NO_DEFAULT = "\u0000toolwire:no-default";

    /**
     * The wire name of the argument. Defaults to the Java name, in snake_case unless the processor
     * option {@code -Atoolwire.naming=as_is} is set. Always wins over the naming option.
     *
     * @return the wire name, or empty for the default
     */
    String name() default "";

    /**
     * What the argument means, for the agent. Defaults to the Javadoc {@code @param} text.
     *
     * @return the description, or empty for the Javadoc
     */
    String description() default "";

    /**
     * The value used when the caller leaves the argument out, written as it would be in a query string
     * ({@code "14"}, {@code "true"}, {@code "MEDIUM"}, {@code "2026-01-31"}). Checked against the
     * parameter's type at compile time. An argument with a default is not required.
     *
     * @return the default, or {@link #NO_DEFAULT} for none
     */
    String defaultValue() default NO_DEFAULT;

    /**
     * Whether the caller must supply the argument. Set {@code false} to make a plain parameter optional.
     * An {@code Optional}, {@code @Nullable} or defaulted parameter is never required.
     *
     * @return whether the argument is required, {@code true} by default
     */
    boolean required() default true;

    /**
     * An example value, written like {@link #defaultValue()}; published as the schema's {@code examples}.
     *
     * @return the example, or empty for none
     */
    String example() default "";
}
