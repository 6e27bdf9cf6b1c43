/**
 * Where the state that several replicas must share is kept: the outcomes of retry-safe calls
 * ({@link dev.toolwire.runtime.store.RetryMemory}), the per-credential call counts of the rate limit
 * ({@link dev.toolwire.runtime.store.RateCounter}) and the lock that lets one replica at a time sync
 * the definitions to Hamsa ({@link dev.toolwire.runtime.store.SyncLock}); jobs have their own,
 * {@link dev.toolwire.runtime.JobStore}.
 *
 * <p>{@code toolwire.store} chooses the store: {@code memory} (the default, right for one process)
 * keeps everything in this process; {@code redis} shares it through Redis and needs the
 * {@code tool-redis} module on the class path and Micronaut Redis's {@code redis.uri}. These
 * interfaces are the seam between the runtime and such a module; they are not meant for tools.
 */
@NullMarked
package dev.toolwire.runtime.store;

import org.jspecify.annotations.NullMarked;
