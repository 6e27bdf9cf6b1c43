package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.JobStore;
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
    private final DeduplicationCache deduplication;

    StoreGauges(MeterRegistry meters, JobStore jobs, DeduplicationCache deduplication) {
        this.meters = meters;
        this.jobs = jobs;
        this.deduplication = deduplication;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (jobs instanceof DefaultJobStore store) {
            Gauge.builder(JOBS, store, DefaultJobStore::size)
                    .description("Jobs kept by the in-memory job store")
                    .register(meters);
        }
        Gauge.builder(DEDUPLICATION, deduplication, DeduplicationCache::size)
                .description("Calls of retry-safe tools remembered for deduplication")
                .register(meters);
    }
}
