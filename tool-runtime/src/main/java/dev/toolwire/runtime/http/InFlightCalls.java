package dev.toolwire.runtime.http;

import dev.toolwire.runtime.invoke.RegisteredTool;
import dev.toolwire.runtime.observe.ToolCallListener;
import dev.toolwire.runtime.observe.ToolCallRecord;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the tool calls in flight and tells the listeners about each finished one. It takes part in
 * Micronaut's graceful shutdown ({@code micronaut.lifecycle.graceful-shutdown.enabled=true}, bounded
 * by {@code micronaut.lifecycle.graceful-shutdown.grace-period}): from the moment the shutdown starts,
 * new calls are answered {@code 503 UNAVAILABLE} with {@code Retry-After}, and the shutdown waits
 * until the calls already running have answered.
 */
@Singleton
@Internal
public final class InFlightCalls implements GracefulShutdownCapable {

    /** Seconds a caller is asked to wait ({@code Retry-After}) when refused during a shutdown. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(InFlightCalls.class);

    private final ToolCallListener[] listeners;
    private final AtomicInteger running = new AtomicInteger();
    private volatile @Nullable CompletableFuture<Void> drained;

    InFlightCalls(List<ToolCallListener> listeners) {
        this.listeners = listeners.toArray(ToolCallListener[]::new);
    }

    /**
     * Starts following a call.
     *
     * @param tool the tool called
     * @param request the request
     * @param requestId its id
     * @return the call's trace; not admitted while the server shuts down
     */
    CallTrace begin(RegisteredTool tool, HttpRequest<?> request, String requestId) {
        boolean admitted = !draining();
        if (admitted) {
            running.incrementAndGet();
            if (draining()) { // the shutdown started between the check and the count: refuse after all
                running.decrementAndGet();
                admitted = false;
                signalIfDrained();
            }
        }
        return new CallTrace(this, tool, request.getMethodName(), requestId, admitted, System.nanoTime());
    }

    void finished(CallTrace trace) {
        if (trace.admitted() && running.decrementAndGet() == 0) {
            signalIfDrained();
        }
        if (listeners.length == 0) {
            return;
        }
        ToolCallRecord record = trace.record();
        for (ToolCallListener listener : listeners) {
            try {
                listener.onCall(record);
            } catch (RuntimeException e) {
                LOG.warn("Tool call listener {} failed (request {})", listener.getClass().getSimpleName(),
                        record.requestId(), e);
            }
        }
    }

    @Override
    public synchronized CompletionStage<?> shutdownGracefully() {
        CompletableFuture<Void> result = drained;
        if (result == null) {
            result = new CompletableFuture<>();
            drained = result;
            signalIfDrained();
        }
        return result;
    }

    @Override
    public OptionalLong reportActiveTasks() {
        return OptionalLong.of(running.get());
    }

    /**
     * Whether the server is shutting down and refusing new calls.
     *
     * @return {@code true} once the graceful shutdown started
     */
    public boolean draining() {
        return drained != null;
    }

    private void signalIfDrained() {
        CompletableFuture<Void> result = drained;
        if (result != null && running.get() == 0) {
            result.complete(null);
        }
    }
}
