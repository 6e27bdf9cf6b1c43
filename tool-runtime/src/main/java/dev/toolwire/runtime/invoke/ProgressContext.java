package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.ToolContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The context a job-mode tool receives: the call's own, with progress reports going to its job. */
final class ProgressContext implements ToolContext {

    private final ToolContext call;
    private final RunningJob job;

    ProgressContext(ToolContext call, RunningJob job) {
        this.call = call;
        this.job = job;
    }

    @Override
    public String requestId() {
        return call.requestId();
    }

    @Override
    public String toolName() {
        return call.toolName();
    }

    @Override
    public Optional<String> header(String name) {
        return call.header(name);
    }

    @Override
    public Map<String, List<String>> headers() {
        return call.headers();
    }

    @Override
    public Optional<String> subject() {
        return call.subject();
    }

    @Override
    public Instant deadline() {
        return call.deadline();
    }

    @Override
    public void progress(int percent, String message) {
        job.progress(percent, message);
    }
}
