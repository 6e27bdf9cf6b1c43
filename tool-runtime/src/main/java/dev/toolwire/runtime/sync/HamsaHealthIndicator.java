package dev.toolwire.runtime.sync;

import io.micronaut.core.annotation.Internal;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * The {@value #NAME} entry of {@code /health}, present when the sync is enabled: whether Hamsa was
 * reachable at the last exchange, when, and what failed. Its status stays UP even when Hamsa was not
 * reachable, on purpose: tools are still served without Hamsa, so a platform outage must not take
 * this instance out of the load balancer. Alert on {@code details.hamsa.reachable} or on the
 * {@code toolwire.sync.writes} counter instead.
 */
@Singleton
@Internal
public final class HamsaHealthIndicator implements HealthIndicator {

    /** The indicator's name in the health details. */
    public static final String NAME = "hamsa";

    private final SyncMonitor monitor;

    HamsaHealthIndicator(SyncMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        SyncMonitor.LastContact last = monitor.last();
        if (last == null) {
            details.put("checked", false);
        } else {
            details.put("checked", true);
            details.put("reachable", last.reachable());
            details.put("at", last.at().toString());
            details.put("operation", last.operation());
            if (last.problem() != null) {
                details.put("problem", last.problem());
            }
        }
        return Publishers.just(HealthResult.builder(NAME, HealthStatus.UP).details(details).build());
    }
}
