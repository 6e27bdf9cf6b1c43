package dev.toolwire.runtime.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.annotations.AuthMode;
import dev.toolwire.annotations.HttpMethod;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Internal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One tool descriptor (format version 1), as the generator wrote it.
 *
 * @param name the tool name
 * @param description what the tool does, possibly empty
 * @param method the HTTP method
 * @param path the route, with {@code {x}} placeholders
 * @param pathParameters the placeholders of {@link #path()}, in path order
 * @param params the JSON Schema of all arguments
 * @param async Hamsa's async flag
 * @param timeoutSeconds how long the caller waits, at least 1
 * @param messages the spoken start and complete messages
 * @param auth the auth mode the tool declares ({@code DEFAULT} follows {@code toolwire.auth.default})
 * @param job the job-mode settings (the optional {@code job} object), or {@code null} for a tool that
 *     always answers in one call
 * @param jobStatusOf for a job status tool, the job-mode tool it reports on (the optional
 *     {@code jobStatusOf} key); {@code null} for any other tool
 * @param deduplicationWindowSeconds how long a repeated identical call answers the first call's
 *     outcome instead of acting again (the optional {@code deduplicationWindowSeconds} key); {@code 0}
 *     when calls are not deduplicated
 * @param naming how the generator turned Java names into wire names (the optional {@code naming} key:
 *     {@code snake_case}, the default, or {@code as_is})
 * @param outputSchema the JSON Schema of the success body (the optional {@code outputSchema} key), or
 *     {@code null} when the result has none
 * @param invocation how to find and call the Java method
 * @param source where the descriptor was read from, for messages
 * @param json the descriptor as it was read
 */
@Internal
public record ToolDescriptor(
        String name,
        String description,
        HttpMethod method,
        String path,
        List<PathParameter> pathParameters,
        ObjectNode params,
        boolean async,
        int timeoutSeconds,
        Messages messages,
        AuthMode auth,
        @Nullable Job job,
        @Nullable String jobStatusOf,
        int deduplicationWindowSeconds,
        String naming,
        @Nullable ObjectNode outputSchema,
        Invocation invocation,
        String source,
        ObjectNode json) {

    /** The only descriptor format this runtime reads. */
    public static final int VERSION = 1;

    /**
     * Copies the lists.
     *
     * @param name the tool name
     * @param description the description
     * @param method the HTTP method
     * @param path the route
     * @param pathParameters the placeholders
     * @param params the schema
     * @param async the async flag
     * @param timeoutSeconds the timeout
     * @param messages the messages
     * @param auth the auth mode
     * @param job the job-mode settings
     * @param jobStatusOf the tool a status tool reports on
     * @param deduplicationWindowSeconds the retry window
     * @param naming the naming of the wire names
     * @param outputSchema the schema of the success body
     * @param invocation the invocation
     * @param source the origin
     * @param json the raw descriptor
     */
    public ToolDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(naming, "naming");
        pathParameters = List.copyOf(pathParameters);
        deduplicationWindowSeconds = Math.max(0, deduplicationWindowSeconds);
    }

    /**
     * The descriptor as published by the {@code describe} command: the file's JSON without the
     * internal {@code invocation} section.
     *
     * @return a new object with sorted keys
     */
    public ObjectNode publicJson() {
        ObjectNode copy = json.deepCopy();
        copy.remove("invocation");
        return copy;
    }

    /**
     * How a job-mode tool answers when it takes longer than a short window.
     *
     * @param acknowledgeWithinSeconds after this long without a result the caller gets {@code 202}
     * @param retainSeconds how long a finished job's status stays available
     * @param statusTool the name of the tool that reports the job's progress and result
     * @param acknowledgeMessage the sentence of the {@code 202} answer, or {@code null} for the default
     */
    public record Job(
            int acknowledgeWithinSeconds, int retainSeconds, String statusTool, @Nullable String acknowledgeMessage) {}

    /**
     * A {@code {x}} placeholder of the path.
     *
     * @param name the wire name of the argument it binds to
     * @param defaultValue its typed default, or {@code null}
     */
    public record PathParameter(String name, @Nullable JsonNode defaultValue) {}

    /**
     * The sentences the agent says around the call.
     *
     * @param start said when the call starts, or {@code null}
     * @param complete said when the call completes, or {@code null}
     */
    public record Messages(@Nullable String start, @Nullable String complete) {}

    /**
     * How the runtime finds the method: the declaring class, the method name and the erased
     * parameter types identify it among overloads.
     *
     * @param className the binary name of the bean class
     * @param methodName the Java method name
     * @param parameters one entry per Java parameter, in order
     */
    public record Invocation(String className, String methodName, List<Parameter> parameters) {

        /**
         * Copies the list.
         *
         * @param className the class
         * @param methodName the method
         * @param parameters the parameters
         */
        public Invocation {
            parameters = List.copyOf(parameters);
        }

        /**
         * The erased Java types of the parameters, as {@code Class.getTypeName()} prints them.
         *
         * @return the type names, in order
         */
        public List<String> javaTypes() {
            return parameters.stream().map(Parameter::javaType).toList();
        }
    }

    /**
     * One Java parameter of the tool method.
     *
     * @param context whether the runtime supplies a {@code ToolContext} here
     * @param javaType the erased type, as {@code Class.getTypeName()} prints it
     * @param name the wire name, or {@code null} for a context parameter
     * @param binding how wire values map to the Java type's JSON form, or {@code null} for a
     *     context parameter
     */
    public record Parameter(boolean context, String javaType, @Nullable String name, @Nullable Binding binding) {}
}
