package dev.toolwire.runtime.auth;

import static dev.toolwire.runtime.Exchanges.exchange;
import static dev.toolwire.runtime.auth.AuthCalls.bearer;
import static dev.toolwire.runtime.auth.AuthCalls.lookupCustomer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.Exchanges;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * With Micronaut Security in the application (this test's own surefire run has it on the class
 * path), tool routes are left to Toolwire's auth and nothing else is opened.
 */
@MicronautTest
@Property(name = "spec.name", value = "AuthTools")
@Property(name = "toolwire.auth.jwt.secret", value = TestTokens.SECRET)
@Property(name = "test.security-coexistence", value = "true")
class SecurityCoexistenceTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aToolAnswersItsOwnCredential() {
        assertEquals(200, bearer(client, lookupCustomer(), TestTokens.withScope("tool:*")).status());
    }

    @Test
    void aToolStillRefusesWhatToolwireRefuses() {
        Exchanges.Answer noToken = exchange(client, lookupCustomer());
        assertEquals(401, noToken.status());
        assertTrue(noToken.raw().contains("\"code\":\"UNAUTHORIZED\""), noToken.raw());
        assertEquals(403, bearer(client, lookupCustomer(), TestTokens.withScope("tool:other")).status());
    }

    @Test
    void theApplicationsOwnSecuredRouteStaysClosed() {
        assertEquals(401, bearer(client, HttpRequest.GET("/own/secret"), TestTokens.withScope("tool:*")).status());
        assertEquals(401, exchange(client, HttpRequest.GET("/own/secret")).status());
    }

    @Test
    void aPathUnderToolsThatIsNoToolStaysUnderTheApplicationsRules() {
        assertEquals(401, bearer(client, HttpRequest.POST("/tools/no_such_tool", "{}"), TestTokens.withScope("tool:*")).status());
    }

    /** The application's own controller, secured by Micronaut Security. */
    @Controller("/own")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Requires(property = "test.security-coexistence", value = "true")
    static class OwnController {

        @Get("/secret")
        String secret() {
            return "secret";
        }
    }
}
