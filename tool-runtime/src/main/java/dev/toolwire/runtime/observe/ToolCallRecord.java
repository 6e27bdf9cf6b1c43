package dev.toolwire.runtime.observe;

import dev.toolwire.runtime.invoke.ToolCall;
import org.jspecify.annotations.Nullable;

/**
 * One finished tool call, as the listeners see it. It carries no header and no credential.
 *
 * @param tool the tool name
 * @param method the HTTP method
 * @param path the route template (e.g. {@code /orders/{order_id}}), never the raw path, which may
 *     carry argument values
 * @param status the HTTP status sent
 * @param outcome the outcome, derived from the status
 * @param durationNanos from the handler receiving the call to the response being ready
 * @param requestId the request id
 * @param subject the authenticated caller's subject, or {@code null} when not authenticated
 * @param arguments the raw arguments, or {@code null} when the call was refused before they were read
 * @param refusal why the caller's credentials were refused (e.g. {@code expired}, {@code out_of_scope}),
 *     for operators; {@code null} unless the call was refused for its credentials with a reason
 *
 * @since 0.1
 */
public record ToolCallRecord(
        String tool,
        String method,
        String path,
        int status,
        CallOutcome outcome,
        long durationNanos,
        String requestId,
        @Nullable String subject,
        @Nullable ToolCall arguments,
        @Nullable String refusal) {}
