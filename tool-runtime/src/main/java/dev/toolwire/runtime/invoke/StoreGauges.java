package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.JobStore;
import dev.toolwire.runtime.store.RetryMemory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Singleton;

/**
 * Gauges of the in-memory stores, read only when metrics are scraped: {@value #JOBS} (jobs the
 * built-in {@code JobStore} keeps; absent when another store replaces it) and {@value #DEDUPLICATION}
 * (calls of retry-safe tools remembered).
 */
@Singleton
@Internal
@Requires(beans = MeterRegistry.class)
final class StoreGauges implements ApplicationEventListener<StartupEvent> {

    static final String JOBS = "toolwire.jobs.stored";
    static final String DEDUPLICATION = "toolwire.deduplication.entries";

    private final MeterRegistry meters;
    private final JobStore jobs;
    private final RetryMemory retryMemory;

    StoreGauges(MeterRegistry meters, JobStore jobs, RetryMemory retryMemory) {
        this.meters = meters;
        this.jobs = jobs;
        this.retryMemory = retryMemory;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (jobs instanceof DefaultJobStore store) {
            Gauge.builder(JOBS, store, DefaultJobStore::size)
                    .description("Jobs kept by the in-memory job store")
                    .register(meters);
        }
        if (retryMemory instanceof DeduplicationCache memory) {
            Gauge.builder(DEDUPLICATION, memory, DeduplicationCache::size)
                    .description("Calls of retry-safe tools remembered for deduplication")
                    .register(meters);
        }
    }
}
