package dev.toolwire.runtime;

import dev.toolwire.annotations.AuthMode;
import dev.toolwire.annotations.HttpMethod;
import java.util.List;
import java.util.Optional;

/**
 * A tool this application serves, as its descriptor and configuration make it: read-only, the same
 * for every transport. Found through {@link ToolRegistry}.
 *
 * @since 0.1
 */
public interface ToolInfo {

    /**
     * The tool's name, as agents call it.
     *
     * @return the name, e.g. {@code lookup_customer}
     */
    String name();

    /**
     * What the tool does, as the agent reads it.
     *
     * @return the description
     */
    String description();

    /**
     * The HTTP method of its route.
     *
     * @return the method
     */
    HttpMethod httpMethod();

    /**
     * Its route, a template whose {@code {name}} segments are path parameters.
     *
     * @return the path, e.g. {@code /orders/{order_id}}
     */
    String path();

    /**
     * The names of its path parameters, in the order of the path.
     *
     * @return the names, possibly empty
     */
    List<String> pathParameters();

    /**
     * How callers authenticate, with {@code @Tool(auth = DEFAULT)} resolved through
     * {@code toolwire.auth.default}.
     *
     * @return {@code JWT}, {@code HEADER} or {@code NONE}, never {@code DEFAULT}
     */
    AuthMode auth();

    /**
     * How long a caller waits for the answer.
     *
     * @return seconds, at least 1
     */
    int timeoutSeconds();

    /**
     * Hamsa's async flag: the agent goes on talking while the tool runs.
     *
     * @return whether the tool is async
     */
    boolean async();

    /**
     * The JSON Schema of its arguments, as published.
     *
     * @return the schema as JSON text
     */
    String parametersSchema();

    /**
     * The JSON Schema of what a successful call answers, as published (the descriptor's
     * {@code outputSchema}): property names and enum values as the runtime writes them.
     *
     * @return the schema as JSON text, or empty when the result type has none
     */
    Optional<String> outputSchema();

    /**
     * What the agent says when it starts the tool.
     *
     * @return the sentence, or empty
     */
    Optional<String> startMessage();

    /**
     * What the agent says when the tool has answered.
     *
     * @return the sentence, or empty
     */
    Optional<String> completeMessage();

    /**
     * For a job-mode tool ({@code @Job}), the tool that reports on its jobs.
     *
     * @return the status tool's name, or empty for a tool that always answers in one call
     */
    Optional<String> statusTool();

    /**
     * For a job status tool, the job-mode tool it reports on.
     *
     * @return that tool's name, or empty for any other tool
     */
    Optional<String> reportsOn();

    /**
     * How long a repeated identical call answers the first call's outcome ({@code @Idempotent}).
     *
     * @return seconds, 0 when calls are not deduplicated
     */
    int retryWindowSeconds();
}
