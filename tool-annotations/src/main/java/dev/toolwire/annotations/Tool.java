package dev.toolwire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public, non-static method of a bean as a tool that a voice agent can call over HTTP.
 *
 * <p>At compile time Toolwire's generator turns the method into a JSON descriptor: the parameter
 * schema (from the Java types, Jakarta constraints, {@link ToolParam} and Javadoc), the route, the
 * spoken messages and the timeout. At run time the descriptor is served at its route, arguments are
 * validated against the schema, and the method is invoked without reflection.
 *
 * <pre>{@code
 * @Singleton
 * public class CustomerTools {
 *     @Tool(description = "Finds a customer by the phone number they are calling from.",
 *           startMessage = "Let me pull up your account.")
 *     public Customer lookupCustomer(@Pattern(regexp = "^\\+[1-9]\\d{6,14}$") String phoneNumber) { ... }
 * }
 * }</pre>
 *
 * <p>Return values are sent as JSON with status 200: records, POJOs, maps and lists as they are, a
 * scalar ({@code String}, number, boolean, enum, date) as {@code {"result": value}}, and {@code void} as
 * {@code {"success": true}}. Throw {@code dev.toolwire.runtime.ToolException} to answer a business
 * failure with a chosen status, code and sentence for the agent to say.
 *
 * <p>A parameter of type {@code dev.toolwire.runtime.ToolContext} is supplied by the runtime and never
 * appears in the schema.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
public @interface Tool {

    /**
     * The tool name the agent sees: 1 to 64 characters from {@code [a-zA-Z0-9_-]}, unique in the
     * application. Defaults to the method name in snake_case ({@code lookupCustomer} becomes
     * {@code lookup_customer}).
     *
     * @return the tool name, or empty for the default
     */
    String name() default "";

    /**
     * What the tool does, for the agent's language model to decide when to call it. Defaults to the
     * method's Javadoc; a tool with neither gets a compile warning.
     *
     * @return the description, or empty for the Javadoc
     */
    String description() default "";

    /**
     * The HTTP method the tool is served on.
     *
     * @return the method, {@link HttpMethod#POST} by default
     */
    HttpMethod method() default HttpMethod.POST;

    /**
     * The route, starting with {@code /}. {@code {x}} placeholders bind to the parameter whose wire name
     * is {@code x}. Defaults to {@code /tools/<name>}.
     *
     * @return the route, or empty for the default
     */
    String path() default "";

    /**
     * How long the caller waits for a result, in seconds; enforced by the runtime and sent to Hamsa.
     *
     * @return the timeout in seconds, 10 by default
     */
    int timeoutSeconds() default 10;

    /**
     * Hamsa's async flag: the agent keeps talking while the tool runs.
     *
     * @return whether the tool is asynchronous, {@code false} by default
     */
    boolean async() default false;

    /**
     * What the agent says when the call starts, for example "One moment while I check that."
     *
     * @return the sentence, or empty for none
     */
    String startMessage() default "";

    /**
     * What the agent says when the call completes.
     *
     * @return the sentence, or empty for none
     */
    String completeMessage() default "";

    /**
     * How callers must authenticate.
     *
     * @return the auth mode, {@link AuthMode#DEFAULT} (from configuration) by default
     */
    AuthMode auth() default AuthMode.DEFAULT;
}
