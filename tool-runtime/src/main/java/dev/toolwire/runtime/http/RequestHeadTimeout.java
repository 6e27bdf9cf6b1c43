package dev.toolwire.runtime.http;

import dev.toolwire.runtime.ToolException;
import io.micronaut.context.BeanProvider;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Gives one HTTP/1.1 connection {@code toolwire.http.header-timeout} to deliver each request head,
 * from when it opens or, once kept alive, from the first byte of the next request. Netty's idle
 * handlers (Micronaut's {@code micronaut.server.idle-timeout}) only notice silence, so a client
 * trickling a byte every few seconds would hold the connection forever; this counts from the start.
 *
 * <p>Two handlers share the state: {@link #rawBytes()} sits before the HTTP codec and sees each read,
 * {@link #messages()} sits after it and sees each decoded request head and each response written.
 * A read after which no new head was decoded, while no request is in flight, is part of a head still
 * to come: that starts the clock, unless it runs already.
 */
final class RequestHeadTimeout {

    private final long timeoutNanos;
    private final BeanProvider<ToolResponses> responses;
    private @Nullable ChannelHandlerContext messagesContext;
    private @Nullable ScheduledFuture<?> timer;
    private boolean headStarted;
    private long heads;
    private int inFlight;
    private boolean informational;

    RequestHeadTimeout(long timeoutNanos, BeanProvider<ToolResponses> responses) {
        this.responses = responses;
        this.timeoutNanos = timeoutNanos;
    }

    /** The handler before the codec. */
    ChannelHandler rawBytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                long before = heads;
                ctx.fireChannelRead(msg); // the codec decodes what it can, synchronously
                if (inFlight == 0 && heads == before && ctx.channel().isActive()) {
                    headStarted = true;
                    arm();
                }
            }
        };
    }

    /** The handler after the codec. */
    ChannelHandler messages() {
        return new ChannelDuplexHandler() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                messagesContext = ctx;
                if (ctx.channel().isActive()) {
                    arm(); // a fresh connection owes its first head from now
                }
            }

            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                arm();
                ctx.fireChannelActive();
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest) {
                    cancel();
                    heads++;
                    inFlight++;
                    headStarted = false;
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof HttpResponse response) {
                    // 100 Continue and 101 Switching Protocols do not end the request they answer
                    informational = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
                }
                if (msg instanceof LastHttpContent && !informational && inFlight > 0) {
                    inFlight--;
                }
                ctx.write(msg, promise);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                cancel();
                ctx.fireChannelInactive();
            }

            @Override
            public void handlerRemoved(ChannelHandlerContext ctx) {
                cancel();
            }
        };
    }

    private void arm() {
        ChannelHandlerContext ctx = messagesContext;
        if (timer == null && inFlight == 0 && ctx != null) {
            timer = ctx.executor().schedule(this::expire, timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void cancel() {
        ScheduledFuture<?> running = timer;
        timer = null;
        if (running != null) {
            running.cancel(false);
        }
    }

    private void expire() {
        timer = null;
        ChannelHandlerContext ctx = messagesContext;
        if (ctx == null || inFlight > 0 || !ctx.channel().isActive()) {
            return;
        }
        if (!headStarted) {
            ctx.close(); // nothing was asked: nobody to answer
            return;
        }
        ConnectionRefusals.answerAndClose(ctx, responses.get(), new ToolException(408, ConnectionRefusals.REQUEST_TIMEOUT,
                "The request took too long to arrive; please send it again."));
    }
}
