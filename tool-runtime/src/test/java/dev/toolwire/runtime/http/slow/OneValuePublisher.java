package dev.toolwire.runtime.http.slow;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** A hand-written publisher of one value (or none, ever, when the value is null), emitted on another thread. */
public final class OneValuePublisher<T> implements Publisher<T> {

    private final @Nullable T value;
    /** Whether the subscriber cancelled. */
    public final AtomicBoolean cancelled = new AtomicBoolean();

    OneValuePublisher(@Nullable T value) {
        this.value = value;
    }

    @Override
    public void subscribe(Subscriber<? super T> subscriber) {
        subscriber.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {
                T v = value;
                if (v != null) {
                    CompletableFuture.runAsync(() -> {
                        subscriber.onNext(v);
                        subscriber.onComplete();
                    });
                }
            }

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        });
    }
}
