package dev.toolwire.runtime.http;

import dev.toolwire.runtime.ToolException;
import dev.toolwire.runtime.invoke.RetryLaterException;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The last answer on a connection the server gives up before any request reached Micronaut (too
 * many connections, a request head too slow): the error envelope with {@code Connection: close},
 * written through the HTTP encoder, after which the connection is closed.
 */
final class ConnectionRefusals {

    /** Code of a request whose head did not arrive within {@code toolwire.http.header-timeout}. */
    static final String REQUEST_TIMEOUT = "REQUEST_TIMEOUT";

    private ConnectionRefusals() {}

    /**
     * Answers and closes.
     *
     * @param ctx a context after the HTTP codec, so the response is encoded
     * @param responses renders the envelope
     * @param failure why the connection is refused; a {@link RetryLaterException} adds {@code Retry-After}
     */
    static void answerAndClose(ChannelHandlerContext ctx, ToolResponses responses, ToolException failure) {
        String requestId = RequestIds.randomId();
        byte[] body = responses.envelope(failure, requestId);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(failure.status()), Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(RequestIds.HEADER, requestId);
        if (failure instanceof RetryLaterException later) {
            response.headers().setInt(HttpHeaderNames.RETRY_AFTER, later.retryAfterSeconds());
        }
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
