package dev.toolwire.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/** Scripted statuses waiting to be answered, oldest first. */
final class StatusQueue {

    private final Deque<Integer> statuses = new ArrayDeque<>();

    synchronized void add(int count, int status) {
        for (int i = 0; i < count; i++) {
            statuses.add(status);
        }
    }

    synchronized @Nullable Integer poll() {
        return statuses.poll();
    }

    synchronized void clear() {
        statuses.clear();
    }
}
