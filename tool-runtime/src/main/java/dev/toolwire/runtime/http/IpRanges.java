package dev.toolwire.runtime.http;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Internal;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A set of IP addresses written as addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1},
 * {@code 2001:db8::/32}): the trusted proxies. Literals only, so reading them never asks DNS.
 */
@Internal
final class IpRanges {

    private record Range(byte[] network, int prefixBits) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    private IpRanges(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Reads a configured list.
     *
     * @param entries addresses or CIDR ranges; blank ones are skipped
     * @param property the property they come from, named in the error
     * @return the set
     * @throws ConfigurationException for an entry that is neither, naming the property
     */
    static IpRanges parse(List<String> entries, String property) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            String text = entry.strip();
            if (!text.isEmpty()) {
                ranges.add(range(text, property));
            }
        }
        return new IpRanges(ranges);
    }

    private static Range range(String text, String property) {
        int slash = text.indexOf('/');
        InetAddress address = ForwardedHops.literal(slash < 0 ? text : text.substring(0, slash));
        byte[] bytes = address == null ? null : address.getAddress();
        int bits = bytes == null ? -1 : bytes.length * 8;
        if (bytes != null && slash >= 0) {
            bits = prefix(text.substring(slash + 1), bytes.length * 8);
        }
        if (bytes == null || bits < 0) {
            throw new ConfigurationException(property + " has '" + text + "', which is not an IP address or a CIDR"
                    + " range; write addresses like 10.0.0.5 or ::1 and ranges like 10.0.0.0/8 or fd00::/8.");
        }
        return new Range(bytes, bits);
    }

    private static int prefix(String text, int max) {
        try {
            int bits = Integer.parseInt(text.strip());
            return bits >= 0 && bits <= max ? bits : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Whether nothing is in the set.
     *
     * @return {@code true} when no range was configured
     */
    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * Whether an address is in the set.
     *
     * @param address the address; {@code null} is in no set
     * @return {@code true} when a range holds it
     */
    boolean contains(@Nullable InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }
}
