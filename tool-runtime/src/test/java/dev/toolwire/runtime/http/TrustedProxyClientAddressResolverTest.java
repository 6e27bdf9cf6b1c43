package dev.toolwire.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.HttpConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which address is the client's, and when a request is purely local. */
class TrustedProxyClientAddressResolverTest {

    private static TrustedProxyClientAddressResolver resolver(String clientAddressHeader, String... trusted) {
        HttpServerConfiguration server = new HttpServerConfiguration();
        server.setClientAddressHeader(clientAddressHeader);
        return new TrustedProxyClientAddressResolver(
                new HttpConfiguration(65536, 1000, Duration.ofSeconds(10), List.of(trusted)), server);
    }

    /** A request as if it came from a socket at {@code peer}. */
    private static HttpRequest<Object> from(String peer, String... headers) {
        MutableHttpRequest<Object> request = HttpRequest.GET("/x");
        for (int i = 0; i < headers.length; i += 2) {
            request.getHeaders().add(headers[i], headers[i + 1]);
        }
        InetSocketAddress socket = new InetSocketAddress(ForwardedHops.literal(peer), 40000);
        return new HttpRequestWrapper<>(request) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return socket;
            }
        };
    }

    @Test
    void withoutTrustedProxies_theSocketIsTheClient_whateverTheHeadersSay() {
        TrustedProxyClientAddressResolver resolver = resolver(null);
        assertEquals("127.0.0.1", resolver.resolve(from("127.0.0.1", "X-Forwarded-For", "203.0.113.9")));
        assertEquals("10.1.2.3", resolver.resolve(from("10.1.2.3", "Forwarded", "for=203.0.113.9", "X-Real-IP", "1.2.3.4")));
    }

    @Test
    void aTrustedProxysHeader_isReadFromTheRight_upToTheFirstUntrustedAddress() {
        TrustedProxyClientAddressResolver resolver = resolver(null, "10.0.0.0/8", "::1");
        assertEquals("203.0.113.9", resolver.resolve(from("10.0.0.5", "X-Forwarded-For", "203.0.113.9")));
        assertEquals("203.0.113.9", resolver.resolve(from("10.0.0.5", "X-Forwarded-For", "6.6.6.6, 203.0.113.9, 10.0.0.7")));
        assertEquals("203.0.113.9", resolver.resolve(from("::1", "X-Forwarded-For", "6.6.6.6", "X-Forwarded-For", "203.0.113.9")),
                "every field line, in order");
        assertEquals("10.0.0.8", resolver.resolve(from("10.0.0.5", "X-Forwarded-For", "10.0.0.8, 10.0.0.7")),
                "all trusted: the leftmost");
        assertEquals("10.0.0.5", resolver.resolve(from("10.0.0.5")), "no header: the proxy itself");
        assertEquals("2001:db8::1", resolver.resolve(from("10.0.0.5", "X-Forwarded-For", "[2001:DB8:0::1]:443")));
        assertEquals("203.0.113.9", resolver.resolve(from("10.0.0.5", "X-Forwarded-For", "203.0.113.9:5000")));
    }

    @Test
    void anUnreadableEntry_stopsAtTheLastAddressVouchedFor() {
        TrustedProxyClientAddressResolver resolver = resolver(null, "10.0.0.0/8");
        assertEquals("10.0.0.5", resolver.resolve(from("10.0.0.5", "X-Forwarded-For", "203.0.113.9, unknown")));
        assertEquals("10.0.0.7", resolver.resolve(from("10.0.0.5", "X-Forwarded-For", "evil.example, 10.0.0.7")));
    }

    @Test
    void otherForwardingHeaders_areReadOnlyWhenConfigured() {
        TrustedProxyClientAddressResolver xff = resolver(null, "10.0.0.0/8");
        assertEquals("10.0.0.5", xff.resolve(from("10.0.0.5", "Forwarded", "for=203.0.113.9", "X-Real-IP", "203.0.113.8")));

        TrustedProxyClientAddressResolver forwarded = resolver("Forwarded", "10.0.0.0/8");
        assertEquals("2001:db8::7", forwarded.resolve(from("10.0.0.5",
                "Forwarded", "for=198.51.100.1;proto=https, for=\"[2001:db8::7]:4711\";by=10.0.0.5",
                "X-Forwarded-For", "203.0.113.9")));

        TrustedProxyClientAddressResolver realIp = resolver("X-Real-IP", "10.0.0.0/8");
        assertEquals("203.0.113.8", realIp.resolve(from("10.0.0.5", "X-Real-IP", "203.0.113.8")));
    }

    @Test
    void loopbackOnly_meansNoHopAnywhereIsAnotherHost() {
        TrustedProxyClientAddressResolver resolver = resolver(null, "127.0.0.0/8");
        assertTrue(resolver.loopbackOnly(from("127.0.0.1")));
        assertTrue(resolver.loopbackOnly(from("::1", "X-Forwarded-For", "127.0.0.1, ::1")));
        assertFalse(resolver.loopbackOnly(from("10.0.0.5")));
        assertFalse(resolver.loopbackOnly(from("127.0.0.1", "X-Forwarded-For", "203.0.113.9")));
        assertFalse(resolver.loopbackOnly(from("127.0.0.1", "X-Forwarded-For", "127.0.0.1, 203.0.113.9")));
        assertFalse(resolver.loopbackOnly(from("127.0.0.1", "Forwarded", "for=203.0.113.9")));
        assertFalse(resolver.loopbackOnly(from("127.0.0.1", "Forwarded", "for=unknown")));
        assertFalse(resolver.loopbackOnly(from("127.0.0.1", "X-Real-IP", "203.0.113.9")));
        assertFalse(resolver.loopbackOnly(from("127.0.0.1", "Via", "1.1 proxy")));
        assertFalse(resolver("CF-Connecting-IP").loopbackOnly(from("127.0.0.1", "CF-Connecting-IP", "203.0.113.9")));
    }

    @Test
    void trustedProxies_mustBeAddressesOrRanges_andTheErrorNamesTheProperty() {
        for (String bad : new String[] {"proxy.internal", "10.0.0.0/33", "10.0.0.0/x", "::1/129"}) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolver(null, bad), bad);
            assertTrue(e.getMessage().contains("toolwire.http.trusted-proxies") && e.getMessage().contains(bad), e.getMessage());
        }
        IpRanges ranges = IpRanges.parse(List.of(" 192.168.1.0/24 ", "", "2001:db8::/32", "10.1.2.3"), "p");
        assertTrue(ranges.contains(ForwardedHops.literal("192.168.1.200")));
        assertFalse(ranges.contains(ForwardedHops.literal("192.168.2.1")));
        assertTrue(ranges.contains(ForwardedHops.literal("2001:db8:ffff::1")));
        assertFalse(ranges.contains(ForwardedHops.literal("2001:db9::1")));
        assertTrue(ranges.contains(ForwardedHops.literal("10.1.2.3")));
        assertFalse(ranges.contains(ForwardedHops.literal("10.1.2.4")));
        assertFalse(ranges.contains(null));
        assertNull(ForwardedHops.address("localhost"));
    }

    @Test
    void itReplacesMicronautsResolver_andABadListStopsTheStart() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("toolwire.http.trusted-proxies", "10.0.0.0/8"))) {
            assertTrue(context.getBean(HttpClientAddressResolver.class) instanceof TrustedProxyClientAddressResolver);
        }
        RuntimeException e = assertThrows(RuntimeException.class, () -> ApplicationContext.run(EmbeddedServer.class,
                Map.of("toolwire.http.trusted-proxies", "proxy.internal")).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("toolwire.http.trusted-proxies has 'proxy.internal'"), messages.toString());
    }
}
