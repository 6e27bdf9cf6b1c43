package dev.toolwire.runtime.observe;

import dev.toolwire.runtime.invoke.DefaultToolRegistry;
import dev.toolwire.runtime.invoke.RegisteredTool;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * The {@value #NAME} entry of {@code /health}: UP with the number and names of the tools served, or
 * DOWN naming each tool left out because its descriptor could not be joined with a bean method
 * (possible only with {@code toolwire.registry.fail-on-unjoined=false}).
 */
@Singleton
@Internal
public final class RegistryHealthIndicator implements HealthIndicator {

    /** The indicator's name in the health details. */
    public static final String NAME = "toolwire";

    private final DefaultToolRegistry registry;

    RegistryHealthIndicator(DefaultToolRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(result());
    }

    HealthResult result() {
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> unjoined;
        try {
            List<String> served = registry.all().stream().map(RegisteredTool::name).toList();
            unjoined = registry.unjoined();
            details.put("served", served.size());
            details.put("tools", served);
        } catch (RuntimeException e) {
            details.put("error", String.valueOf(e.getMessage()));
            return HealthResult.builder(NAME, HealthStatus.DOWN).details(details).build();
        }
        if (!unjoined.isEmpty()) {
            details.put("unjoined", unjoined);
        }
        return HealthResult.builder(NAME, unjoined.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN).details(details).build();
    }
}
