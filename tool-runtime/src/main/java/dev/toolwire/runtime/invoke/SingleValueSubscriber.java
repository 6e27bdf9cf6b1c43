package dev.toolwire.runtime.invoke;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Takes the first value of a tool's {@code Publisher} (or none, when it completes empty) and cancels
 * the subscription after it; the execution cancels it too when the deadline passes first.
 */
final class SingleValueSubscriber implements Subscriber<Object> {

    private final Execution execution;
    private final BiConsumer<@Nullable Object, @Nullable Throwable> result;
    private final AtomicBoolean delivered = new AtomicBoolean();
    private volatile @Nullable Subscription subscription;

    SingleValueSubscriber(Execution execution, BiConsumer<@Nullable Object, @Nullable Throwable> result) {
        this.execution = execution;
        this.result = result;
    }

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s;
        execution.onExpiry(s::cancel);
        s.request(1);
    }

    @Override
    public void onNext(Object value) {
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        deliver(value, null);
    }

    @Override
    public void onError(Throwable failure) {
        deliver(null, failure);
    }

    @Override
    public void onComplete() {
        deliver(null, null);
    }

    private void deliver(@Nullable Object value, @Nullable Throwable failure) {
        if (delivered.compareAndSet(false, true)) {
            result.accept(value, failure);
        }
    }
}
