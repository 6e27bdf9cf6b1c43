package dev.toolwire.runtime.observe;

import io.micronaut.core.annotation.Internal;

/**
 * Told once about every tool call that reached a tool route, when its response is ready: answered,
 * refused (auth, rate limit, shutdown, size) or failed. Called on the thread that completed the
 * call, so an implementation must be quick and must not throw.
 */
@Internal
public interface ToolCallListener {

    /**
     * A call finished.
     *
     * @param call what happened
     */
    void onCall(ToolCallRecord call);
}
