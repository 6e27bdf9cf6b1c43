package dev.toolwire.runtime.extension;

import static dev.toolwire.runtime.Exchanges.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.annotations.AuthMode;
import dev.toolwire.annotations.HttpMethod;
import dev.toolwire.runtime.Exchanges;
import dev.toolwire.runtime.LocalToolCredentials;
import dev.toolwire.runtime.ToolInfo;
import dev.toolwire.runtime.ToolRegistry;
import dev.toolwire.runtime.observe.CallOutcome;
import dev.toolwire.runtime.observe.ToolCallRecord;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An application plugs into each public extension point with a bean of its own, and each one is
 * used on real calls over HTTP: a result converter, an authenticator that delegates to the built-in
 * one, a call listener, and the registry and local credentials a client of its own would use.
 */
@MicronautTest
@Property(name = "spec.name", value = "ExtensionPointsTest")
@Property(name = "toolwire.auth.jwt.secret", value = "extension-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz")
@Property(name = "toolwire.auth.header.values", value = "extension-header-key-0123456789")
@Property(name = "toolwire.auth.failed-attempts-per-minute", value = "0")
class ExtensionPointsTest {

    private static final Duration TTL = Duration.ofMinutes(5);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ToolRegistry registry;

    @Inject
    LocalToolCredentials credentials;

    @Inject
    RecordingListener listener;

    private Exchanges.Answer call(String tool, Map<String, String> headers) {
        ToolInfo info = registry.tool(tool).orElseThrow();
        MutableHttpRequest<?> request = HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(info.httpMethod().name()),
                info.path()).body("{\"account_id\":\"ACC-1\"}").contentType("application/json");
        headers.forEach(request::header);
        return exchange(client, request);
    }

    @Test
    void theRegistry_describesEachToolAsServed() {
        ToolInfo balance = registry.tool("account_balance").orElseThrow();
        assertEquals(HttpMethod.POST, balance.httpMethod());
        assertEquals("/tools/account_balance", balance.path());
        assertEquals(AuthMode.JWT, balance.auth());
        assertEquals("The balance of an account.", balance.description());
        assertTrue(balance.parametersSchema().contains("\"account_id\""), balance.parametersSchema());
        assertEquals(List.of("account_balance", "billing_caller"), registry.tools().stream().map(ToolInfo::name).toList());
        ToolInfo caller = registry.tool("billing_caller").orElseThrow();
        assertEquals(AuthMode.HEADER, caller.auth(), "from the team's own @BillingTool, which carries @Tool");
        assertEquals(5, caller.timeoutSeconds());
        assertTrue(registry.tool("nope").isEmpty());
        assertEquals(List.of("account_balance"), registry.similarNames("account_balanse"));
    }

    @Test
    void theLocalCredentials_openEachToolItsOwnWay_andNoOther() {
        Map<String, String> jwt = credentials.headersFor("account_balance", "tester", TTL);
        assertEquals(200, call("account_balance", jwt).status());
        assertEquals(401, call("billing_caller", jwt).status(), "a bearer token is no credential for a header tool");
        Map<String, String> header = credentials.headersFor("billing_caller", "tester", TTL);
        assertEquals(Map.of("X-API-Key", "extension-header-key-0123456789"), header);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> credentials.headersFor("billing_calle", "tester", TTL));
        assertTrue(unknown.getMessage().contains("Did you mean billing_caller"), unknown.getMessage());
    }

    @Test
    void aResultConverter_shapesTheApplicationsOwnType() {
        Exchanges.Answer answer = call("account_balance", credentials.headersFor("account_balance", "tester", TTL));
        assertEquals(200, answer.status(), answer.body().toString());
        assertEquals("1250.50 AED", answer.body().path("result").asText(), answer.body().toString());
    }

    @Test
    void anAuthenticatorOfTheApplication_decidesFirst_andFallsBackToTheBuiltInOne() {
        Exchanges.Answer certified = call("billing_caller", Map.of(ClientCertificateAuthenticator.HEADER, "CN=warehouse-7"));
        assertEquals(200, certified.status(), certified.body().toString());
        assertEquals("CN=warehouse-7", certified.body().path("result").asText(), "the tool sees the subject it set");

        Exchanges.Answer badCertificate = call("billing_caller", Map.of(ClientCertificateAuthenticator.HEADER, "warehouse-7"));
        assertEquals(401, badCertificate.status());
        assertEquals("Mutual realm=\"billing\"", badCertificate.headers().get("WWW-Authenticate"));
        assertEquals("UNAUTHORIZED", badCertificate.body().at("/error/code").asText());

        assertEquals(200, call("billing_caller", credentials.headersFor("billing_caller", "tester", TTL)).status(),
                "the built-in header check still serves callers without a certificate");
        assertEquals(401, call("billing_caller", Map.of()).status(), "and still refuses callers with nothing");
    }

    @Test
    void aListenerOfTheApplication_hearsEveryCall_withoutCredentials() {
        listener.calls.clear();
        call("billing_caller", Map.of(ClientCertificateAuthenticator.HEADER, "CN=auditor"));
        call("billing_caller", Map.of());
        List<ToolCallRecord> heard = listener.calls;
        assertEquals(2, heard.size(), heard.toString());
        ToolCallRecord answered = heard.get(0);
        assertEquals("billing_caller", answered.tool());
        assertEquals(200, answered.status());
        assertEquals(CallOutcome.OK, answered.outcome());
        assertEquals("CN=auditor", answered.subject());
        assertEquals("/tools/billing_caller", answered.path());
        assertEquals(CallOutcome.AUTH_FAILURE, heard.get(1).outcome());
        assertFalse(heard.toString().contains("extension-header-key"), "no credential reaches a listener");
    }
}
