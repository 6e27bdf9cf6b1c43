package dev.toolwire.devtools.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The playground answers only requests made on this machine: a reverse proxy on the same host
 * connects from loopback, so anything forwarded from elsewhere is refused (403 in the envelope)
 * unless {@code toolwire.playground.allow-remote}, trusted proxy or not.
 */
class PlaygroundAccessTest {

    private static EmbeddedServer local;
    private static EmbeddedServer open;

    private static EmbeddedServer start(boolean allowRemote) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spec.name", "PlaygroundAccessTest");
        properties.put("toolwire.playground.enabled", "true");
        properties.put("toolwire.playground.allow-remote", Boolean.toString(allowRemote));
        properties.put("toolwire.http.trusted-proxies", "127.0.0.0/8, ::1"); // trusting the proxy opens nothing
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @BeforeAll
    static void startServers() {
        local = start(false);
        open = start(true);
    }

    @AfterAll
    static void stopServers() {
        local.close();
        open.close();
    }

    private static RawHttp.Answer get(EmbeddedServer server, String path, String headers) throws IOException {
        return RawHttp.exchange(server.getPort(), "GET " + path + " HTTP/1.1\r\n" + headers);
    }

    private static void assertRefused(RawHttp.Answer answer) {
        assertEquals(403, answer.status(), answer.head() + "\n" + answer.body());
        assertEquals("FORBIDDEN", answer.code());
        assertEquals(answer.header("X-Request-Id"), answer.json().at("/error/requestId").asText());
        assertFalse(answer.body().contains("token"), answer.body());
    }

    @Test
    void aLocalRequest_getsThePageAndTheTools() throws IOException {
        assertEquals(200, get(local, "/toolwire/playground", "Host: localhost\r\n").status());
        RawHttp.Answer tools = get(local, "/toolwire/playground/tools", "Host: 127.0.0.1:8080\r\n");
        assertEquals(200, tools.status(), tools.body());
        assertTrue(tools.json().at("/credentials").has("token"));
        assertEquals(200, get(local, "/toolwire/playground/tools", "Host: [::1]:8080\r\n").status());
        assertEquals(200, get(local, "/toolwire/playground/tools",
                "Host: localhost\r\nX-Forwarded-For: 127.0.0.1\r\n").status(), "a local proxy for a local browser");
    }

    @Test
    void aRequestForwardedFromAnotherHost_isRefused() throws IOException {
        String[] forwarded = {
            "X-Forwarded-For: 203.0.113.7", "X-Forwarded-For: 127.0.0.1, 203.0.113.7", "Forwarded: for=198.51.100.2",
            "Forwarded: for=unknown", "X-Real-IP: 203.0.113.7", "Via: 1.1 edge-proxy"};
        for (String header : forwarded) {
            assertRefused(get(local, "/toolwire/playground/tools", "Host: localhost\r\n" + header + "\r\n"));
            assertRefused(get(local, "/toolwire/playground", "Host: localhost\r\n" + header + "\r\n"));
            assertRefused(get(local, "/toolwire/playground/playground.js", "Host: localhost\r\n" + header + "\r\n"));
        }
    }

    @Test
    void aPageOfAnotherSiteRebindingItsNameToThisHost_isRefused() throws IOException {
        assertRefused(get(local, "/toolwire/playground/tools", "Host: evil.example\r\n"));
        assertRefused(get(local, "/toolwire/playground/tools", "Host: 10.0.0.5:8080\r\n"));
    }

    @Test
    void allowRemote_opensItToForwardedRequests() throws IOException {
        assertEquals(200, get(open, "/toolwire/playground/tools", "Host: tools.example.com\r\nX-Forwarded-For: 203.0.113.7\r\n")
                .status());
    }

    @Test
    void loopbackHostNames() {
        for (String host : new String[] {"localhost", "LOCALHOST:8080", "app.localhost", "localhost.", "127.0.0.1",
            "127.1.2.3:80", "[::1]", "[::1]:8080", "::1"}) {
            assertTrue(PlaygroundAccess.loopbackHost(host), host);
        }
        for (String host : new String[] {"evil.example", "localhost.evil.example", "10.0.0.5", "[2001:db8::1]:80", "",
            "0.0.0.0"}) {
            assertFalse(PlaygroundAccess.loopbackHost(host), host);
        }
    }
}
