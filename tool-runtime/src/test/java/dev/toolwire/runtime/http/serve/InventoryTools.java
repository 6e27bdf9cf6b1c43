package dev.toolwire.runtime.http.serve;

import dev.toolwire.annotations.Tool;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeoutException;

/** Tools that fail with exceptions of their own, for the {@code ToolErrorMapper} beans. */
@Singleton
@Requires(property = "spec.name", value = "ServeToolsTest")
public class InventoryTools {

    /** A backend's signal that an item is locked by a stock count. */
    public static final class StockLockedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StockLockedException(String sku) {
            super("sku " + sku + " locked by count #77 (db row 991)");
        }
    }

    /** A supplier that timed out in a way the application names itself. */
    public static final class SupplierTimeoutException extends TimeoutException {
        private static final long serialVersionUID = 1L;

        SupplierTimeoutException() {
            super("supplier gateway 10.0.0.7 did not answer");
        }
    }

    /** A failure no mapper should claim, and one mapper breaks on. */
    public static final class LedgerCorruptException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LedgerCorruptException() {
            super("ledger checksum mismatch at /var/ledger/7");
        }
    }

    /**
     * Reserves stock.
     *
     * @param sku the item
     * @return never
     */
    @Tool
    public String reserveStock(String sku) {
        throw new StockLockedException(sku);
    }

    /**
     * Asks the warehouse backend.
     *
     * @param sku the item
     * @return never
     * @throws TimeoutException always
     */
    @Tool
    public String askWarehouse(String sku) throws TimeoutException {
        throw new TimeoutException("warehouse 10.0.0.9:5432 read timed out");
    }

    /**
     * Asks the supplier.
     *
     * @param sku the item
     * @return never
     * @throws SupplierTimeoutException always
     */
    @Tool
    public String askSupplier(String sku) throws SupplierTimeoutException {
        throw new SupplierTimeoutException();
    }

    /**
     * Counts stock.
     *
     * @param sku the item
     * @return never
     */
    @Tool
    public int countStock(String sku) {
        throw new LedgerCorruptException();
    }
}
