package dev.toolwire.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rate-limit key of a tool without authentication is the client's address: behind a trusted
 * proxy the one it reports, so its callers do not share one budget; from anyone else the socket's,
 * so a forwarding header cannot buy a fresh budget.
 */
class TrustedProxyRateLimitTest {

    private static Map<String, Object> properties(boolean trustLoopback) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spec.name", "AuthTools");
        properties.put("toolwire.auth.header.values", "proxy-test-key-0123456789");
        properties.put("toolwire.rate-limit.enabled", "true");
        properties.put("toolwire.rate-limit.requests-per-minute", "2");
        if (trustLoopback) { // the test's sockets stand for a reverse proxy on this host
            properties.put("toolwire.http.trusted-proxies", "127.0.0.0/8, ::1");
        }
        return properties;
    }

    private static RawHttp.Answer openingHours(EmbeddedServer server, String forwardedFor) throws IOException {
        return RawHttp.exchange(server.getPort(), "GET /tools/opening_hours HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Forwarded-For: " + forwardedFor + "\r\n");
    }

    /**
     * Calls as each client, in order, all within one rate-limit window (retried once a minute
     * boundary split them).
     */
    private static List<Integer> statuses(EmbeddedServer server, String... clients) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            List<Integer> statuses = new ArrayList<>();
            List<String> resets = new ArrayList<>();
            for (String client : clients) {
                RawHttp.Answer answer = openingHours(server, client);
                statuses.add(answer.status());
                resets.add(answer.header("X-RateLimit-Reset"));
            }
            if (resets.stream().distinct().count() == 1) {
                return statuses;
            }
        }
        throw new AssertionError("three attempts straddled a minute boundary");
    }

    @Test
    void behindATrustedProxy_eachClientHasItsOwnBudget() throws IOException {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(true))) {
            assertEquals(List.of(200, 200, 429, 200, 200, 429),
                    statuses(server, "203.0.113.1", "203.0.113.1", "203.0.113.1",
                            "203.0.113.2", "203.0.113.2", "203.0.113.2"));
        }
    }

    @Test
    void behindATrustedProxy_whatTheClientWroteLeftOfItsAddressIsIgnored() throws IOException {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(true))) {
            assertEquals(List.of(200, 200, 429),
                    statuses(server, "203.0.113.7", "198.51.100.1, 203.0.113.7", "198.51.100.2, 203.0.113.7"));
        }
    }

    @Test
    void withoutTrustedProxies_theHeaderIsIgnored() throws IOException {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(false))) {
            assertEquals(List.of(200, 200, 429, 429),
                    statuses(server, "203.0.113.1", "203.0.113.2", "203.0.113.3", "198.51.100.4"));
        }
    }
}
