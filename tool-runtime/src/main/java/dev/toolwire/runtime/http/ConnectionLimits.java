package dev.toolwire.runtime.http;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.toolwire.runtime.HttpConfiguration;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpVersion;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the server's connections ({@code toolwire.http.max-connections}) and gives each HTTP/1.1
 * connection its {@link RequestHeadTimeout} ({@code toolwire.http.header-timeout}). Micronaut 4.10
 * has neither: {@code micronaut.server.read-timeout} does nothing, and its idle timeouts only notice
 * silence. This is a {@link NettyServerCustomizer}, registered the way Micronaut documents, that sees
 * every accepted connection before any request on it is read.
 */
@Singleton
@Internal
public final class ConnectionLimits
        implements BeanCreatedEventListener<NettyServerCustomizer.Registry>, NettyServerCustomizer {

    /** File descriptors left for everything but connections: jars, logs, outbound calls. */
    static final int FD_RESERVE = 128;

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimits.class);
    private static final String HEAD_RAW = "toolwire-header-timeout-raw";
    private static final String HEAD_MESSAGES = "toolwire-header-timeout";
    private static final String REFUSAL = "toolwire-over-capacity";

    private final int cap;
    private final long headerTimeoutNanos;
    private final boolean http1;
    private final AtomicInteger open = new AtomicInteger();
    private final BeanProvider<ToolResponses> responses;

    ConnectionLimits(HttpConfiguration http, NettyHttpServerConfiguration server, BeanProvider<ToolResponses> responses) {
        this.responses = responses;
        this.cap = effectiveCap(http.maxConnections(), fileDescriptorLimit());
        this.headerTimeoutNanos = Math.max(0, http.headerTimeout().toNanos());
        this.http1 = server.getHttpVersion() != HttpVersion.HTTP_2_0;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(this);
        return event.getBean();
    }

    @Override
    public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
        if (role != ChannelRole.CONNECTION) {
            return this;
        }
        int now = open.incrementAndGet();
        channel.closeFuture().addListener(closed -> open.decrementAndGet());
        return new OneConnection(channel, cap > 0 && now > cap);
    }

    /** The connections open now, for tests. */
    int open() {
        return open.get();
    }

    /**
     * The cap to enforce: the configured one, but never so high that connections could take the
     * last file descriptors.
     *
     * @param configured {@code toolwire.http.max-connections}; 0 or less for none
     * @param fdLimit the process's file descriptor limit, or a negative number when unknown
     * @return the cap, 0 for none
     */
    static int effectiveCap(int configured, long fdLimit) {
        if (configured <= 0 || fdLimit < 0 || configured <= fdLimit - FD_RESERVE) {
            return Math.max(0, configured);
        }
        int lowered = (int) Math.max(1, fdLimit - FD_RESERVE);
        LOG.warn("{}.max-connections is {}, but this process may open only {} files; at most {} connections are"
                + " kept open, so the server can still open files and outbound connections. Raise the limit"
                + " (ulimit -n) or lower the property.", HttpConfiguration.PREFIX, configured, fdLimit, lowered);
        return lowered;
    }

    private static long fileDescriptorLimit() {
        try {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            return os instanceof UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
        } catch (LinkageError noJdkManagement) { // a runtime image built without the jdk.management module
            return -1;
        }
    }

    /** What one connection gets once its pipeline is built. */
    private final class OneConnection implements NettyServerCustomizer {

        private final Channel channel;
        private final boolean refused;

        OneConnection(Channel channel, boolean refused) {
            this.channel = channel;
            this.refused = refused;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel stream, ChannelRole role) {
            return new NettyServerCustomizer() {}; // HTTP/2 streams: the connection is handled already
        }

        @Override
        public void onInitialPipelineBuilt() {
            ChannelPipeline pipeline = channel.pipeline();
            boolean codec = pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null;
            if (refused) {
                OverCapacity refusal = new OverCapacity(codec, responses);
                if (codec) {
                    pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, REFUSAL, refusal);
                } else {
                    pipeline.addFirst(REFUSAL, refusal);
                }
            } else if (codec && http1 && headerTimeoutNanos > 0 && pipeline.get(HEAD_MESSAGES) == null) {
                RequestHeadTimeout timeout = new RequestHeadTimeout(headerTimeoutNanos, responses);
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HEAD_RAW, timeout.rawBytes());
                pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HEAD_MESSAGES, timeout.messages());
            }
        }
    }
}
