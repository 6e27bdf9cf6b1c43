package dev.toolwire.testing;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Every request the fake received, with a cursor for {@link FakeHamsa#takeRequest()}. */
final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();
    private int taken;

    synchronized void add(RecordedRequest request) {
        requests.add(request);
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    synchronized @Nullable RecordedRequest take() {
        return taken < requests.size() ? requests.get(taken++) : null;
    }

    synchronized void clear() {
        requests.clear();
        taken = 0;
    }
}
