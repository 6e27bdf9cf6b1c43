package dev.toolwire.runtime.http;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.jspecify.annotations.Nullable;

/**
 * Collects a request body chunk by chunk and gives up as soon as it passes the limit: the upstream
 * is cancelled and the future fails with {@link BodyTooLargeException}. A chunked body far larger
 * than the limit is therefore never held in memory, unlike {@code ByteBody.buffer()}, which collects
 * up to Micronaut's own (much larger) request size limit first.
 */
final class BoundedBodyReader implements Subscriber<byte[]> {

    /** Thrown, inside the future, for a body over the limit. */
    static final class BodyTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("request body over the limit", null, false, false);
        }
    }

    private final int maxBytes;
    private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private @Nullable Subscription subscription;

    BoundedBodyReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    CompletableFuture<byte[]> result() {
        return result;
    }

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(byte[] chunk) {
        if (result.isDone()) {
            return;
        }
        if ((long) collected.size() + chunk.length > maxBytes) {
            Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            result.completeExceptionally(new BodyTooLargeException());
            return;
        }
        collected.write(chunk, 0, chunk.length);
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(collected.toByteArray());
    }
}
