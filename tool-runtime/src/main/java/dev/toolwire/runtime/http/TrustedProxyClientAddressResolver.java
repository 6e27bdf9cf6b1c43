package dev.toolwire.runtime.http;

import dev.toolwire.runtime.HttpConfiguration;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.util.DefaultHttpClientAddressResolver;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.netty.util.NetUtil;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's address, for Micronaut and for Toolwire's per-address limits. Micronaut's own
 * resolver believes the first {@code Forwarded} or {@code X-Forwarded-For} entry of any request,
 * which the client writes itself. This one believes a forwarding header only from a peer listed in
 * {@code toolwire.http.trusted-proxies}, and then reads it from the right, skipping trusted proxies,
 * up to the first address that is not one: what lies left of it is the client's own claim. The
 * header is {@code micronaut.server.client-address-header} when set, else {@code X-Forwarded-For}.
 */
@Singleton
@Internal
@Replaces(DefaultHttpClientAddressResolver.class)
public final class TrustedProxyClientAddressResolver implements HttpClientAddressResolver {

    private static final Logger LOG = LoggerFactory.getLogger(TrustedProxyClientAddressResolver.class);

    private final IpRanges trusted;
    private final String header;
    private final List<String> forwardingHeaders;

    TrustedProxyClientAddressResolver(HttpConfiguration http, HttpServerConfiguration server) {
        this.trusted = IpRanges.parse(http.trustedProxies(), HttpConfiguration.PREFIX + ".trusted-proxies");
        String configured = server.getClientAddressHeader();
        this.header = configured == null || configured.isBlank() ? ForwardedHops.X_FORWARDED_FOR : configured.strip();
        Set<String> names = new LinkedHashSet<>(List.of(ForwardedHops.FORWARDED, ForwardedHops.X_FORWARDED_FOR,
                ForwardedHops.X_REAL_IP));
        names.add(header);
        this.forwardingHeaders = List.copyOf(names);
        if (!trusted.isEmpty()) {
            LOG.info("Client addresses are read from {} on connections from {}", header, http.trustedProxies());
        }
    }

    /**
     * The client's address as text (IPv6 in its short form), the key of per-address limits.
     *
     * @param request the request
     * @return the address, or the socket's host string when it has no IP address
     */
    @Override
    @SuppressWarnings("rawtypes") // Micronaut's interface takes a raw HttpRequest
    public @Nullable String resolve(HttpRequest request) {
        InetAddress client = clientAddress(request);
        if (client != null) {
            return NetUtil.toAddressString(client);
        }
        InetSocketAddress socket = request.getRemoteAddress();
        return socket == null ? null : socket.getHostString();
    }

    /**
     * The client's address: the socket's peer, unless that is a trusted proxy; then the rightmost
     * address of the forwarding header that is not a trusted proxy (or, when all are, the leftmost).
     * An entry that is not an IP address stops the walk at the last address vouched for, so a
     * client can never pick its address by writing a header.
     *
     * @param request the request
     * @return the address, {@code null} when the socket has none
     */
    @Nullable InetAddress clientAddress(HttpRequest<?> request) {
        InetAddress current = peer(request);
        if (current == null || !trusted.contains(current)) {
            return current;
        }
        List<String> hops = ForwardedHops.of(request.getHeaders(), header);
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = ForwardedHops.address(hops.get(i));
            if (hop == null) {
                return current;
            }
            current = hop;
            if (!trusted.contains(hop)) {
                return hop;
            }
        }
        return current;
    }

    /**
     * Whether a request was made on this machine and names no other anywhere: its socket peer is a
     * loopback address, it has no {@code Via}, and every address in every forwarding header
     * ({@code Forwarded}, {@code X-Forwarded-For}, {@code X-Real-IP} and the configured one) is a
     * loopback address. A proxy on this host forwarding a remote visitor fails it, trusted or not.
     *
     * @param request the request
     * @return {@code true} only for a purely local request
     */
    public boolean loopbackOnly(HttpRequest<?> request) {
        InetAddress peer = peer(request);
        HttpHeaders headers = request.getHeaders();
        if (peer == null || !peer.isLoopbackAddress() || headers.contains(HttpHeaders.VIA)) {
            return false;
        }
        for (String name : forwardingHeaders) {
            for (String hop : ForwardedHops.of(headers, name)) {
                InetAddress address = ForwardedHops.address(hop);
                if (address == null || !address.isLoopbackAddress()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static @Nullable InetAddress peer(HttpRequest<?> request) {
        InetSocketAddress socket = request.getRemoteAddress();
        return socket == null ? null : socket.getAddress();
    }
}
