package dev.toolwire.runtime.http;

import dev.toolwire.runtime.invoke.Envelopes;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Sits on a connection over {@code toolwire.http.max-connections}: as soon as it is open, answers
 * {@code 503 UNAVAILABLE} with {@code Retry-After} and closes it (an HTTP/2 connection is closed
 * without a word). Whatever the client sends meanwhile is dropped, never handed to Micronaut.
 */
final class OverCapacity extends ChannelInboundHandlerAdapter {

    private final boolean http1;

    OverCapacity(boolean http1) {
        this.http1 = http1;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (http1) {
            ConnectionRefusals.answerAndClose(ctx, 503, Envelopes.UNAVAILABLE,
                    "The service is busy; please try again in a moment.", InFlightCalls.RETRY_AFTER_SECONDS);
        } else {
            ctx.close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }
}
