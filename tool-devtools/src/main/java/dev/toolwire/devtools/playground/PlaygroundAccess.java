package dev.toolwire.devtools.playground;

import dev.toolwire.runtime.http.ForwardedHops;
import dev.toolwire.runtime.http.TrustedProxyClientAddressResolver;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may open the playground, which hands out a token for every tool. Unless
 * {@code toolwire.playground.allow-remote}, only a request made on this machine: its socket peer is
 * a loopback address, and nothing in it speaks of another host. A reverse proxy on the same host
 * connects from loopback too, so a request that carries {@code Forwarded}, {@code X-Forwarded-For}
 * or {@code X-Real-IP} naming any other address, or any {@code Via}, is refused, whether or not the
 * proxy is trusted; and so is a {@code Host} that is not a loopback name, which is what a web page
 * rebinding its own domain to 127.0.0.1 would send.
 */
@Singleton
@Internal
public final class PlaygroundAccess {

    private static final Logger LOG = LoggerFactory.getLogger(PlaygroundAccess.class);

    private final TrustedProxyClientAddressResolver addresses;
    private final boolean allowRemote;

    PlaygroundAccess(TrustedProxyClientAddressResolver addresses,
            @Value("${" + PlaygroundRouteBuilder.ALLOW_REMOTE + ":false}") boolean allowRemote) {
        this.addresses = addresses;
        this.allowRemote = allowRemote;
    }

    /**
     * Whether any host may open the playground.
     *
     * @return {@code toolwire.playground.allow-remote}
     */
    public boolean allowsRemote() {
        return allowRemote;
    }

    /**
     * Whether this request may be answered.
     *
     * @param request the request
     * @return {@code true} when remote callers are allowed, or the request is purely local
     */
    public boolean allows(HttpRequest<?> request) {
        if (allowRemote) {
            return true;
        }
        if (!addresses.loopbackOnly(request)) {
            LOG.debug("Playground request refused: it comes or was forwarded from another host ({}=false)",
                    PlaygroundRouteBuilder.ALLOW_REMOTE);
            return false;
        }
        if (!loopbackHost(request.getHeaders().get(HttpHeaders.HOST))) {
            LOG.debug("Playground request refused: its Host is not a name of this machine ({}=false)",
                    PlaygroundRouteBuilder.ALLOW_REMOTE);
            return false;
        }
        return true;
    }

    /** {@code localhost}, a {@code .localhost} name or a loopback address, with or without a port. */
    static boolean loopbackHost(@Nullable String host) {
        if (host == null) {
            return true; // no browser sends a request without one
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            InetAddress address = ForwardedHops.address(name);
            return address != null && address.isLoopbackAddress();
        }
        int colon = name.indexOf(':');
        if (colon >= 0 && colon == name.lastIndexOf(':')) {
            name = name.substring(0, colon);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        InetAddress address = ForwardedHops.address(name);
        return address != null && address.isLoopbackAddress();
    }
}
