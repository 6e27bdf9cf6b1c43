package dev.toolwire.runtime.store;

import java.time.Duration;
import java.util.Optional;

/**
 * Lets one replica at a time run the start-up sync to Hamsa ({@code toolwire.sync.on-startup}). A
 * lock is held with a lease its holder renews; a holder that dies stops renewing, so its lock lapses
 * and cannot block the next deploy. The in-memory default always grants the lock: one process has
 * nobody to wait for.
 */
public interface SyncLock {

    /**
     * Takes the lock unless another holder has it.
     *
     * @param name what is locked, for example the public URL whose tools are synced
     * @param lease how long the lock lasts unless renewed; the returned lease renews it until closed
     * @return the held lock, or empty when another holder has it
     * @throws RuntimeException when the lock's store is out of reach
     */
    Optional<Lease> tryAcquire(String name, Duration lease);

    /**
     * Who holds a lock, for the log line of a replica that skips.
     *
     * @param name the lock's name
     * @return the holder's description (host and process), or empty when it is free or unknown
     */
    Optional<String> holder(String name);

    /** A held lock: renewed until closed, released by {@link #close()}. */
    interface Lease extends AutoCloseable {

        /** Releases the lock, if this lease still holds it. */
        @Override
        void close();
    }
}
