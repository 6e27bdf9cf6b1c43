package dev.toolwire.runtime;

import io.micronaut.core.order.Ordered;
import java.util.Optional;

/**
 * Turns an exception a tool method threw into the {@link ToolException} its caller gets, so a
 * team's own exceptions (a backend that is down, a record that is locked) become a status, a code
 * and a sentence the agent can say instead of {@code 500 INTERNAL_ERROR}. Declare one as a bean:
 *
 * <pre>{@code
 * @Singleton
 * final class LockedAccountMapper implements ToolErrorMapper {
 *     public Optional<ToolException> map(Throwable error, ToolContext call) {
 *         return error instanceof AccountLockedException
 *                 ? Optional.of(new ToolException(423, "ACCOUNT_LOCKED", "That account is locked; a colleague will call back."))
 *                 : Optional.empty();
 *     }
 * }
 * }</pre>
 *
 * <p>Mappers are asked in {@link Ordered} order (lowest first) and the first answer wins. The
 * built-in ones (Jakarta constraint violations, timeouts of the tool's own calls) have order
 * {@link #BUILT_IN}, so a mapper with the default order is asked before them. A
 * {@code ToolException} is never mapped; an exception no mapper answers is logged and becomes
 * {@code 500 INTERNAL_ERROR}, whose message says nothing about it.
 *
 * @since 0.1
 */
public interface ToolErrorMapper extends Ordered {

    /** The order of the built-in mappers: after any mapper of the default order. */
    int BUILT_IN = 1000;

    /**
     * Maps an exception, or declines it.
     *
     * @param error what the tool threw (unwrapped from {@code CompletionException} and
     *     {@code ExecutionException})
     * @param call the call it threw in: tool name, request id, caller
     * @return the failure to answer, or empty to let the next mapper try
     */
    Optional<ToolException> map(Throwable error, ToolContext call);
}
