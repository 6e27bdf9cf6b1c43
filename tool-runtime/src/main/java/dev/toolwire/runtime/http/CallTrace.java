package dev.toolwire.runtime.http;

import dev.toolwire.runtime.auth.AuthenticatedCaller;
import dev.toolwire.runtime.auth.ToolAuthenticationException;
import dev.toolwire.runtime.invoke.RegisteredTool;
import dev.toolwire.runtime.invoke.ToolCall;
import dev.toolwire.runtime.observe.CallOutcome;
import dev.toolwire.runtime.observe.ToolCallRecord;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * What the handler learns about one call as it goes (who called, with which arguments), reported to
 * {@link InFlightCalls} once when the response is ready.
 */
final class CallTrace {

    private final InFlightCalls calls;
    private final RegisteredTool tool;
    private final String method;
    private final String requestId;
    private final boolean admitted;
    private final long startNanos;
    private volatile @Nullable String subject;
    private volatile @Nullable ToolCall arguments;
    private volatile @Nullable String refusal;
    private volatile int status;
    private volatile long durationNanos;

    CallTrace(InFlightCalls calls, RegisteredTool tool, String method, String requestId, boolean admitted,
            long startNanos) {
        this.calls = calls;
        this.tool = tool;
        this.method = method;
        this.requestId = requestId;
        this.admitted = admitted;
        this.startNanos = startNanos;
    }

    void noteArguments(ToolCall call) {
        arguments = call;
    }

    boolean admitted() {
        return admitted;
    }

    AuthenticatedCaller authenticated(AuthenticatedCaller caller) {
        subject = caller.subject();
        return caller;
    }

    /** Notes who was refused (a valid credential without this tool) and why, for the access log. */
    void refused(ToolAuthenticationException refusal) {
        refusal.subject().ifPresent(refused -> subject = refused);
        this.refusal = refusal.reason().orElse(null);
    }

    /**
     * Labels the response with the call's {@code X-Request-Id} and reports the call when
     * {@code response} completes; the returned future completes after that.
     */
    CompletableFuture<HttpResponse<?>> complete(CompletableFuture<HttpResponse<?>> response) {
        return response.whenComplete((sent, failure) -> {
            if (sent instanceof MutableHttpResponse<?> labelled) {
                ResponseLabels.label(labelled, requestId);
            }
            durationNanos = System.nanoTime() - startNanos;
            status = sent == null ? 500 : sent.code();
            calls.finished(this);
        });
    }

    ToolCallRecord record() {
        return new ToolCallRecord(tool.name(), method, tool.descriptor().path(), status, CallOutcome.of(status),
                durationNanos, requestId, subject, arguments, refusal);
    }
}
