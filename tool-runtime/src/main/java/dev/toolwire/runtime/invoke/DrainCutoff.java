package dev.toolwire.runtime.invoke;

import io.micronaut.core.annotation.Internal;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.runtime.graceful.GracefulShutdownConfiguration;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every call in flight answer before a graceful shutdown's grace period runs out. Deadlines and
 * job acknowledgements keep running while the server drains, but a call whose deadline lies past the
 * end of the grace period would be cut off unanswered when the process stops; shortly before that
 * end (a tenth of the grace period, at most one second) each call still running is answered
 * {@code 503 UNAVAILABLE} with {@code Retry-After} and its work cancelled, so an acknowledged job is
 * recorded as failed rather than left running for ever in a shared {@code JobStore}.
 */
@Singleton
@Internal
public final class DrainCutoff implements GracefulShutdownCapable {

    /** What a call cut off by the shutdown hears, the same sentence as a call refused while draining. */
    static final String RESTARTING = "The service is restarting; please try again in a moment.";
    /** Seconds a call cut off by the shutdown is asked to wait. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(DrainCutoff.class);
    private static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(15); // Micronaut's default

    private final ToolTimers timers;
    private final Duration gracePeriod;
    private final Set<Runnable> running = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean cutting;

    DrainCutoff(ToolTimers timers, @Nullable GracefulShutdownConfiguration shutdown) {
        this.timers = timers;
        this.gracePeriod = shutdown == null ? DEFAULT_GRACE_PERIOD : shutdown.getGracePeriod();
    }

    /**
     * Follows a call until it answers.
     *
     * @param cut answers the call now and cancels its work; run at most once
     * @return forgets the call, to run when it has answered
     */
    Runnable track(Runnable cut) {
        running.add(cut);
        if (cutting && running.remove(cut)) { // arrived after the cut-off passed
            cut.run();
        }
        return () -> running.remove(cut);
    }

    @Override
    public CompletionStage<?> shutdownGracefully() {
        if (draining.compareAndSet(false, true)) {
            Duration margin = min(Duration.ofSeconds(1), gracePeriod.dividedBy(10));
            try {
                timers.schedule(gracePeriod.minus(margin), this::cutAll);
            } catch (RejectedExecutionException e) {
                cutAll();
            }
        }
        return CompletableFuture.completedFuture(null); // holds nothing up: the calls are counted elsewhere
    }

    private void cutAll() {
        cutting = true;
        if (!running.isEmpty()) {
            LOG.warn("The shutdown's grace period is about to end: answering the {} tool calls still running"
                    + " with UNAVAILABLE and cancelling their work", running.size());
        }
        for (Runnable cut : running) {
            if (running.remove(cut)) {
                cut.run();
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
