package dev.toolwire.runtime.http;

import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpHeaders;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the hops a forwarding header lists: {@code X-Forwarded-For: client, proxy1, proxy2} (and any
 * header of that shape, such as {@code X-Real-IP}), or RFC 7239's
 * {@code Forwarded: for=client;proto=https, for="[2001:db8::1]:443"}. Every field line counts, in
 * order, as one list. Elements are split on commas without regard to quotes: proxies append, so a
 * quote a client opens on the left can never swallow what a proxy added on the right.
 */
@Internal
public final class ForwardedHops {

    /** RFC 7239's header. */
    public static final String FORWARDED = "Forwarded";
    /** The de facto standard header, and the one read by default from a trusted proxy. */
    public static final String X_FORWARDED_FOR = "X-Forwarded-For";
    /** nginx's single-address header. */
    public static final String X_REAL_IP = "X-Real-IP";

    private ForwardedHops() {}

    /**
     * The hops named in a header, the client's claim first and the nearest proxy's last.
     *
     * @param headers the request headers
     * @param name the header
     * @return each hop as written (an address, perhaps quoted, bracketed or with a port), empty when
     *     the header is absent
     */
    public static List<String> of(HttpHeaders headers, String name) {
        List<String> lines = headers.getAll(name);
        if (lines.isEmpty()) {
            return List.of();
        }
        boolean rfc7239 = name.equalsIgnoreCase(FORWARDED);
        List<String> hops = new ArrayList<>();
        for (String line : lines) {
            for (String element : line.split(",", -1)) {
                hops.add(rfc7239 ? forParameter(element) : element.strip());
            }
        }
        return hops;
    }

    /** The {@code for} parameter of one {@code Forwarded} element; empty (no address) without one. */
    private static String forParameter(String element) {
        for (String pair : element.split(";", -1)) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("for")) {
                return pair.substring(equals + 1).strip();
            }
        }
        return "";
    }

    /**
     * The IP address of a hop: {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code 2001:db8::1},
     * {@code [2001:db8::1]:4711}, any of them in double quotes.
     *
     * @param hop the hop as written
     * @return the address, or {@code null} for anything else ({@code unknown}, an obfuscated
     *     identifier, a host name: nothing is ever looked up)
     */
    public static @Nullable InetAddress address(String hop) {
        String text = hop.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            if (end < 0) {
                return null;
            }
            text = text.substring(1, end);
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            text = text.substring(0, text.indexOf(':')); // an IPv4 address with a port
        }
        return literal(text);
    }

    /**
     * An IP address literal, without DNS.
     *
     * @param text an IPv4 or IPv6 address
     * @return the address, or {@code null} when the text is not one
     */
    static @Nullable InetAddress literal(String text) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text.strip());
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            return null; // only for a byte array of the wrong length, which Netty never returns
        }
    }
}
