package dev.toolwire.runtime.extension;

import dev.toolwire.runtime.observe.ToolCallListener;
import dev.toolwire.runtime.observe.ToolCallRecord;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An application's own listener: keeps what it is told. */
@Singleton
@Requires(property = "spec.name", value = "ExtensionPointsTest")
public final class RecordingListener implements ToolCallListener {

    final List<ToolCallRecord> calls = new CopyOnWriteArrayList<>();

    @Override
    public void onCall(ToolCallRecord call) {
        calls.add(call);
    }
}
