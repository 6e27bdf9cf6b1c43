package dev.toolwire.examples.scheduler;

import dev.toolwire.runtime.ToolContext;
import dev.toolwire.runtime.ToolErrorMapper;
import dev.toolwire.runtime.ToolException;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Turns the appointment book's {@link SlotTakenException} into {@code 409 CONFLICT} with a sentence
 * the agent can say, so the booking code stays free of wire concerns.
 */
@Singleton
final class SlotTakenErrors implements ToolErrorMapper {

    @Override
    public Optional<ToolException> map(Throwable error, ToolContext call) {
        return error instanceof SlotTakenException
                ? Optional.of(ToolException.conflict("Someone just took that time. Would you like me to find another slot?"))
                : Optional.empty();
    }
}
