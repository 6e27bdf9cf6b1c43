package dev.toolwire.runtime.http;

import dev.toolwire.runtime.invoke.RetryLaterException;
import io.micronaut.context.BeanProvider;
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
    private final BeanProvider<ToolResponses> responses;

    OverCapacity(boolean http1, BeanProvider<ToolResponses> responses) {
        this.http1 = http1;
        this.responses = responses;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (http1) {
            ConnectionRefusals.answerAndClose(ctx, responses.get(), RetryLaterException.unavailable(
                    "The service is busy; please try again in a moment.", InFlightCalls.RETRY_AFTER_SECONDS));
        } else {
            ctx.close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }
}
