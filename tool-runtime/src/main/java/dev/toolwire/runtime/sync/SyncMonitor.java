package dev.toolwire.runtime.sync;

import dev.toolwire.runtime.hamsa.HamsaApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What operators see of the sync: the outcome of the last exchange with Hamsa (for the
 * {@code hamsa} health entry) and the counter {@value #WRITES} of remote writes, tagged
 * {@code action} ({@code create}, {@code update}, {@code deactivate}) and {@code outcome}
 * ({@code ok}, {@code failed}). Syncs are rare, so meters are looked up per write.
 */
@Singleton
@Internal
public final class SyncMonitor {

    /** The counter of remote writes. */
    public static final String WRITES = "toolwire.sync.writes";

    private final BeanProvider<MeterRegistry> meters;
    private volatile @Nullable LastContact last;

    SyncMonitor(BeanProvider<MeterRegistry> meters) {
        this.meters = meters;
    }

    /**
     * The last exchange with Hamsa.
     *
     * @param at when it ended
     * @param operation what was attempted, e.g. {@code list web tools}
     * @param reachable whether Hamsa answered (an answer refusing the key still counts as reached)
     * @param problem the failure, or {@code null} when it succeeded
     */
    public record LastContact(Instant at, String operation, boolean reachable, @Nullable String problem) {}

    /**
     * The last exchange with Hamsa, if any happened since the start.
     *
     * @return the last contact, or {@code null}
     */
    public @Nullable LastContact last() {
        return last;
    }

    void succeeded(String operation) {
        last = new LastContact(Instant.now(), operation, true, null);
    }

    void failed(String operation, HamsaApiException e) {
        boolean reached = e.kind() != HamsaApiException.Kind.IO && e.kind() != HamsaApiException.Kind.SERVER;
        last = new LastContact(Instant.now(), operation, reached, e.getMessage());
    }

    void wrote(SyncPlan.Action action, boolean ok) {
        if (meters.isPresent()) {
            Counter.builder(WRITES)
                    .description("Writes to Hamsa made by the sync, by action and outcome")
                    .tag("action", action.name().toLowerCase(Locale.ROOT))
                    .tag("outcome", ok ? "ok" : "failed")
                    .register(meters.get())
                    .increment();
        }
    }
}
