package dev.toolwire.processor;

import java.util.List;
import java.util.Map;

/**
 * Everything a descriptor holds, free of compiler types; {@link DescriptorWriter} turns it into JSON.
 *
 * @param name the tool name
 * @param description what the agent reads, possibly empty
 * @param method the HTTP method name
 * @param path the route
 * @param pathParameters the placeholders of the route in order
 * @param params the JSON Schema object of all arguments
 * @param async Hamsa's async flag
 * @param timeoutSeconds the timeout, at least 1
 * @param startMessage the spoken start message, possibly empty
 * @param completeMessage the spoken completion message, possibly empty
 * @param auth the auth mode name
 * @param className the binary name of the declaring class
 * @param methodName the Java method name
 * @param parameters every Java parameter in declaration order
 * @param job the job-mode settings, or {@code null}
 * @param deduplicationWindowSeconds the retry-safety window, {@code 0} for none
 * @param naming how Java names became wire names ({@code snake_case} or {@code as_is})
 * @param outputSchema the JSON Schema of the success body, or {@code null} when the result has none
 */
record ToolModel(
        String name,
        String description,
        String method,
        String path,
        List<PathParameterModel> pathParameters,
        Map<String, Object> params,
        boolean async,
        int timeoutSeconds,
        String startMessage,
        String completeMessage,
        String auth,
        String className,
        String methodName,
        List<ParamModel> parameters,
        JobModel job,
        int deduplicationWindowSeconds,
        String naming,
        Map<String, Object> outputSchema) {}
