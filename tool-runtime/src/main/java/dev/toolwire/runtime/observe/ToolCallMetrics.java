package dev.toolwire.runtime.observe;

import dev.toolwire.runtime.invoke.DefaultToolRegistry;
import dev.toolwire.runtime.invoke.RegisteredTool;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every tool call in the timer {@value #CALLS}, tagged {@code tool} and {@code outcome}, with a
 * percentiles histogram (so Prometheus can compute latency quantiles across instances). The timer's
 * count is the call counter. The timers of every tool and outcome are registered at startup, so a
 * call only looks up an array and records: no tags are built on the hot path.
 */
@Singleton
@Internal
@Requires(beans = MeterRegistry.class)
public final class ToolCallMetrics implements ToolCallListener, ApplicationEventListener<StartupEvent> {

    /** The timer's name. */
    public static final String CALLS = "toolwire.tool.calls";

    private static final CallOutcome[] OUTCOMES = CallOutcome.values();

    private final MeterRegistry meters;
    private final DefaultToolRegistry registry;
    private final Map<String, Timer[]> timers = new ConcurrentHashMap<>();

    ToolCallMetrics(MeterRegistry meters, DefaultToolRegistry registry) {
        this.meters = meters;
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        for (RegisteredTool tool : registry.all()) {
            timers.computeIfAbsent(tool.name(), this::register);
        }
    }

    @Override
    public void onCall(ToolCallRecord call) {
        timers.computeIfAbsent(call.tool(), this::register)[call.outcome().ordinal()]
                .record(call.durationNanos(), TimeUnit.NANOSECONDS);
    }

    private Timer[] register(String tool) {
        Timer[] byOutcome = new Timer[OUTCOMES.length];
        for (CallOutcome outcome : OUTCOMES) {
            byOutcome[outcome.ordinal()] = Timer.builder(CALLS)
                    .description("Tool calls by tool and outcome, from receipt to response")
                    .tag("tool", tool)
                    .tag("outcome", outcome.tag())
                    .publishPercentileHistogram()
                    .register(meters);
        }
        return byOutcome;
    }
}
