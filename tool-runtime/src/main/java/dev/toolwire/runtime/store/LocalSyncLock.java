package dev.toolwire.runtime.store;

import io.micronaut.context.annotation.Secondary;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * The in-memory {@link SyncLock}: always granted, since one process has nobody to wait for. Several
 * replicas on it all sync at start-up; the sync then converges on its own (duplicates it finds are
 * deactivated), but {@code toolwire.store=redis} lets one replica do the work.
 */
@Singleton
@Secondary
@Internal
public final class LocalSyncLock implements SyncLock {

    private static final Lease NOTHING_TO_RELEASE = () -> { };

    @Override
    public Optional<Lease> tryAcquire(String name, Duration lease) {
        return Optional.of(NOTHING_TO_RELEASE);
    }

    @Override
    public Optional<String> holder(String name) {
        return Optional.empty();
    }
}
