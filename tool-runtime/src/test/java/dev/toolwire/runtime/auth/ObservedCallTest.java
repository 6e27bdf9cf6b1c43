package dev.toolwire.runtime.auth;

import static dev.toolwire.runtime.auth.AuthCalls.bearer;
import static dev.toolwire.runtime.auth.AuthCalls.lookupCustomer;
import static dev.toolwire.runtime.Exchanges.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.toolwire.runtime.Exchanges;
import dev.toolwire.runtime.observe.AccessLog;
import dev.toolwire.runtime.observe.ToolCallMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A tool call shows up in the metrics and in the access log, and the log holds neither the token
 * nor an argument value that was not opted in. Uses the auth fixtures, so a real credential is sent.
 */
@MicronautTest
@Property(name = "spec.name", value = "AuthTools")
@Property(name = "toolwire.auth.jwt.secret", value = TestTokens.SECRET)
@Property(name = "toolwire.access-log.logged-arguments", value = "lookup.query")
class ObservedCallTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    MeterRegistry meters;

    private final Logger accessLogger = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void captureAccessLog() {
        lines.start();
        accessLogger.addAppender(lines);
        accessLogger.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        accessLogger.detachAppender(lines);
        accessLogger.setLevel(null);
    }

    @Test
    void successfulCall_isTimedAndLoggedWithRedactedArguments() {
        String token = TestTokens.withScope("tool:*");
        long before = count("lookup_customer", "ok");

        assertEquals(200, bearer(client, lookupCustomer(), token).status());

        assertEquals(before + 1, count("lookup_customer", "ok"));
        String line = onlyLineFor("lookup_customer");
        assertTrue(line.startsWith("tool=lookup_customer method=POST path=/tools/lookup_customer status=200 outcome=ok "),
                line);
        assertTrue(line.contains(" subject=tester "), line);
        assertTrue(line.matches(".* duration_ms=\\d+\\.\\d{3} .*"), line);
        assertTrue(line.matches(".* request_id=[0-9a-f-]{36} .*"), line);
        assertTrue(line.endsWith(" args={phone=***}"), line);
        assertFalse(line.contains("5551234567"), line);
        assertFalse(line.contains(token), line);
        assertFalse(line.contains("Bearer"), line);
    }

    @Test
    void refusedCall_isCountedAsAuthFailureWithoutArguments() {
        long before = count("lookup_customer", "auth_failure");

        assertEquals(401, bearer(client, lookupCustomer(), "not-a-token").status());

        assertEquals(before + 1, count("lookup_customer", "auth_failure"));
        String line = onlyLineFor("lookup_customer");
        assertTrue(line.contains(" status=401 outcome=auth_failure "), line);
        assertTrue(line.endsWith(" subject=- reason=malformed args=-"), line);
        assertFalse(line.contains("not-a-token"), line);
    }

    @Test
    void refusedTokens_tellOperatorsWhyAndCallersNothing() {
        String expired = TestTokens.with("tool:*", claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(3600))));
        String otherAudience = TestTokens.with("tool:*", claims -> claims.audience("someone-else"));
        String otherIssuer = TestTokens.with("tool:*", claims -> claims.issuer("someone-else"));
        String otherKey = TestTokens.hs256("another-secret-0123456789-abcdefghijklmnopqrstuvwxyz-0123456789",
                TestTokens.claims("tool:*").build());
        Map<String, String> expectedReasons = new LinkedHashMap<>();
        expectedReasons.put(expired, "expired");
        expectedReasons.put(otherAudience, "wrong_audience");
        expectedReasons.put(otherIssuer, "wrong_issuer");
        expectedReasons.put(otherKey, "bad_signature");

        Set<String> bodies = new HashSet<>();
        expectedReasons.forEach((token, reason) -> {
            Exchanges.Answer answer = bearer(client, lookupCustomer(), token);
            assertEquals(401, answer.status());
            bodies.add(answer.raw().replaceAll("\"requestId\":\"[^\"]*\"", ""));
            String line = lines.list.get(lines.list.size() - 1).getFormattedMessage();
            assertTrue(line.endsWith(" subject=- reason=" + reason + " args=-"), line);
        });
        assertEquals(1, bodies.size(), "the caller learns nothing about which part was wrong: " + bodies);

        exchange(client, lookupCustomer());
        String noToken = onlyLineFor("lookup_customer", " reason=no_credentials ");
        assertTrue(noToken.contains(" status=401 "), noToken);
    }

    @Test
    void aTokenWithoutTheTool_isLoggedWithItsSubject() {
        assertEquals(403, bearer(client, lookupCustomer(), TestTokens.withScope("tool:other_tool")).status());

        String line = onlyLineFor("lookup_customer");
        assertTrue(line.contains(" status=403 outcome=auth_failure "), line);
        assertTrue(line.endsWith(" subject=tester reason=out_of_scope args=-"), line);
    }

    @Test
    void optedInArgument_isLoggedAndQuotedSafely() {
        String token = TestTokens.withScope("tool:*");
        exchange(client, HttpRequest.POST("/tools/lookup", "{\"query\":\"a b\\nforged=1\"}")
                .header("Authorization", "Bearer " + token));

        assertTrue(onlyLineFor("lookup").endsWith(" args={query=\"a b\\nforged=1\"}"), onlyLineFor("lookup"));
    }

    @Test
    void timersOfEveryToolAndStoreGaugesAreRegisteredAtStartup() {
        Timer timer = meters.find(ToolCallMetrics.CALLS).tag("tool", "opening_hours").tag("outcome", "timeout").timer();
        assertNotNull(timer);
        assertNotNull(meters.find("toolwire.jobs.stored").gauge());
        assertNotNull(meters.find("toolwire.deduplication.entries").gauge());
    }

    private long count(String tool, String outcome) {
        Timer timer = meters.find(ToolCallMetrics.CALLS).tag("tool", tool).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private String onlyLineFor(String tool) {
        return onlyLineFor(tool, "");
    }

    private String onlyLineFor(String tool, String containing) {
        List<String> found = lines.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(line -> line.startsWith("tool=" + tool + " ") && line.contains(containing))
                .toList();
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }
}
