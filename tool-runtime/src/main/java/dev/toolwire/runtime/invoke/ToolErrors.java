package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.ToolContext;
import dev.toolwire.runtime.ToolErrorMapper;
import dev.toolwire.runtime.ToolException;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.order.OrderUtil;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever a tool method threw into the failure its caller gets: a {@link ToolException} as
 * it is, anything else through the {@link ToolErrorMapper} beans in order, and what none of them
 * answers into {@code 500 INTERNAL_ERROR} (logged with its stack, never sent). The one place that
 * decides what a tool's exception means.
 */
@Singleton
@Internal
public final class ToolErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ToolErrors.class);

    private final List<ToolErrorMapper> mappers;

    /**
     * Creates the translator.
     *
     * @param mappers every mapper bean, built-in and the application's
     */
    public ToolErrors(List<ToolErrorMapper> mappers) {
        List<ToolErrorMapper> sorted = new ArrayList<>(mappers);
        OrderUtil.sort(sorted);
        this.mappers = List.copyOf(sorted);
    }

    /**
     * The failure to answer for an exception a tool threw.
     *
     * @param error the exception, unwrapped
     * @param call the call it threw in
     * @param late whether the call had already been answered (its deadline passed): then nobody will
     *     read the failure and it is logged at DEBUG only
     * @return the failure
     */
    public ToolException translate(Throwable error, ToolContext call, boolean late) {
        if (error instanceof VirtualMachineError fatal) {
            throw fatal;
        }
        ToolException failure = error instanceof ToolException own ? own : mapped(error, call).orElse(null);
        if (failure == null) {
            if (late) {
                LOG.debug("Tool '{}' threw after its timeout (request {})", call.toolName(), call.requestId(), error);
            } else {
                LOG.error("Tool '{}' threw an exception (request {})", call.toolName(), call.requestId(), error);
            }
            return ToolFailures.internal();
        }
        if (late || failure.status() < 500) {
            LOG.debug("Tool '{}' answered {} (request {}): {}", call.toolName(), failure.code(), call.requestId(),
                    failure.getMessage());
        } else {
            LOG.warn("Tool '{}' failed with {} (request {})", call.toolName(), failure.code(), call.requestId(), error);
        }
        return failure;
    }

    private Optional<ToolException> mapped(Throwable error, ToolContext call) {
        for (ToolErrorMapper mapper : mappers) {
            try {
                Optional<ToolException> answer = mapper.map(error, call);
                if (answer != null && answer.isPresent()) {
                    return answer;
                }
            } catch (RuntimeException e) {
                LOG.error("The error mapper {} failed on {} (request {}); asking the next one",
                        mapper.getClass().getName(), error.getClass().getName(), call.requestId(), e);
            }
        }
        return Optional.empty();
    }
}
