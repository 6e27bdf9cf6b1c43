package dev.toolwire.runtime.observe;


/**
 * Told once about every tool call that reached a tool route, when its response is ready: answered,
 * refused (auth, rate limit, shutdown, size) or failed. Called on the thread that completed the
 * call, often an event loop, so an implementation must be quick, must not block and must not throw
 * (hand slow work to an executor of its own). Declare one as a bean; the record carries no header
 * and no credential, but it does carry the raw arguments, which may be personal data.
 *
 * @since 0.1
 */
public interface ToolCallListener {

    /**
     * A call finished.
     *
     * @param call what happened
     */
    void onCall(ToolCallRecord call);
}
