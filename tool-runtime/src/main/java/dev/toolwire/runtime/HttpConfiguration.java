package dev.toolwire.runtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How tools are served over HTTP ({@code toolwire.http.*}): request and connection limits, and
 * which reverse proxies are believed about the client's address.
 *
 * @param maxBodyBytes {@code toolwire.http.max-body-bytes}: the largest request body a tool accepts,
 *     in bytes; a larger one is answered with {@code 413 PAYLOAD_TOO_LARGE}. Default {@code 65536}.
 * @param maxConnections {@code toolwire.http.max-connections}: connections the server keeps open at
 *     once, on all its ports; one more is answered {@code 503 UNAVAILABLE} (with {@code Retry-After}
 *     and {@code Connection: close}) and closed at once. Never more than the process's file
 *     descriptor limit less 128, so the server can still open files and outbound connections. {@code 0}
 *     means no limit. Default {@code 1000}.
 * @param headerTimeout {@code toolwire.http.header-timeout}: how long a client has to send a whole
 *     request head (request line and headers), counted from when the connection opens or, on a
 *     kept-alive connection, from the first byte of the next request; a slower client is answered
 *     {@code 408 REQUEST_TIMEOUT} and the connection closed (one that sent nothing is closed without
 *     an answer). It applies to HTTP/1.1, Micronaut's default {@code micronaut.server.http-version}.
 *     {@code 0s} turns it off. Default {@code 10s}.
 * @param trustedProxies {@code toolwire.http.trusted-proxies}: addresses or CIDR ranges of the reverse
 *     proxies in front of this server, e.g. {@code 10.0.0.0/8, ::1}. Only a connection from one of
 *     them has its {@code X-Forwarded-For} (or the header named by
 *     {@code micronaut.server.client-address-header}) read, from the right, to find the client's
 *     address; every other connection's client is its socket address, whatever it sends. Empty by
 *     default: no header is ever believed.
 */
@ConfigurationProperties(HttpConfiguration.PREFIX)
public record HttpConfiguration(
        @Bindable(defaultValue = "65536") int maxBodyBytes,
        @Bindable(defaultValue = "1000") int maxConnections,
        @Bindable(defaultValue = "10s") Duration headerTimeout,
        @Nullable List<String> trustedProxies) {

    /** The property prefix, {@value}. */
    public static final String PREFIX = "toolwire.http";

    /**
     * The configured proxies.
     *
     * @return {@code toolwire.http.trusted-proxies}, empty when unset
     */
    @Override
    public List<String> trustedProxies() {
        return trustedProxies == null ? List.of() : trustedProxies;
    }
}
