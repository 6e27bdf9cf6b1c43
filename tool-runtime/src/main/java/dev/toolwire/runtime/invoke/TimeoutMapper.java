package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.ToolContext;
import dev.toolwire.runtime.ToolErrorMapper;
import dev.toolwire.runtime.ToolException;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Singleton;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * A tool whose own call to a backend timed out ({@link TimeoutException}, a socket or
 * {@code java.net.http} timeout, also as the cause of another exception) answers {@code 504 TIMEOUT}
 * with the sentence of a tool that ran past its own deadline, rather than {@code 500}: for the caller
 * it is the same thing, and trying again later may work.
 */
@Singleton
@Internal
final class TimeoutMapper implements ToolErrorMapper {

    @Override
    public int getOrder() {
        return BUILT_IN;
    }

    @Override
    public Optional<ToolException> map(Throwable error, ToolContext call) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return Optional.of(ToolFailures.timeout());
            }
        }
        return Optional.empty();
    }
}
