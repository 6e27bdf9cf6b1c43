package dev.toolwire.runtime.http.serve;

import dev.toolwire.runtime.ToolContext;
import dev.toolwire.runtime.ToolErrorMapper;
import dev.toolwire.runtime.ToolException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The application's own mappers, as a team would write them. */
final class InventoryErrors {

    private InventoryErrors() {}

    /** Locked stock: 423 with a sentence of its own, naming the tool it came from. */
    @Singleton
    @Requires(property = "spec.name", value = "ServeToolsTest")
    static final class Locked implements ToolErrorMapper {
        @Override
        public Optional<ToolException> map(Throwable error, ToolContext call) {
            return error instanceof InventoryTools.StockLockedException
                    ? Optional.of(new ToolException(423, "STOCK_LOCKED", "That item is being counted right now ("
                            + call.toolName() + "); please ask again in a few minutes."))
                    : Optional.empty();
        }
    }

    /** The supplier's timeout: the application's mapper goes before the built-in timeout mapper. */
    @Singleton
    @Requires(property = "spec.name", value = "ServeToolsTest")
    static final class SupplierDown implements ToolErrorMapper {
        @Override
        public Optional<ToolException> map(Throwable error, ToolContext call) {
            return error instanceof InventoryTools.SupplierTimeoutException
                    ? Optional.of(ToolException.unavailable("Our supplier isn't answering; I'll note the request instead."))
                    : Optional.empty();
        }
    }

    /** A mapper with a bug: it throws, and the next mappers are asked all the same. */
    @Singleton
    @Requires(property = "spec.name", value = "ServeToolsTest")
    static final class Broken implements ToolErrorMapper {
        @Override
        public int getOrder() {
            return -10;
        }

        @Override
        public Optional<ToolException> map(Throwable error, ToolContext call) {
            if (error instanceof InventoryTools.LedgerCorruptException || error instanceof InventoryTools.StockLockedException) {
                throw new IllegalStateException("mapper bug");
            }
            return Optional.empty();
        }
    }
}
