package example.pharmacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.LocalToolCredentials;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pharmacy as its team would test it: Toolwire's tools and the team's own Micronaut Security API
 * in one application, each with its own credentials.
 */
@MicronautTest
@Property(name = "toolwire.auth.jwt.secret", value = "tool-secret-for-the-consumer-check-0123456789")
@Property(name = "pharmacy.api.secret", value = "api-secret-for-the-consumer-check-0123456789abc")
class ConsumerTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    LocalToolCredentials credentials;

    @Inject
    TokenGenerator apiTokens;

    @Test
    void aToolAnswersWithAToolwireToken() {
        HttpResponse<Map<String, Object>> response = client.toBlocking().exchange(
                HttpRequest.GET("/prescriptions/RX-100001").bearerAuth(toolToken()), Argument.mapOf(String.class, Object.class));

        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals("Amoxicillin 500 mg", response.body().get("medicine"));
        assertEquals("RX-100001", response.body().get("rx_number"), "results are named as the arguments are: " + response.body());
        assertTrue(response.body().containsKey("refills_remaining"), String.valueOf(response.body()));
    }

    @Test
    void aToolRefusesACallWithoutTokenInToolwiresEnvelope() {
        HttpClientResponseException refused = refusal(HttpRequest.GET("/prescriptions/RX-100001"));

        assertEquals(HttpStatus.UNAUTHORIZED, refused.getStatus());
        assertTrue(refused.getResponse().getHeaders().contains("X-Request-Id"), "Toolwire answered, not Micronaut Security");
        assertTrue(body(refused).contains("\"code\":\"UNAUTHORIZED\""), body(refused));
    }

    @Test
    void aToolStillValidatesItsArguments() {
        HttpClientResponseException refused = refusal(HttpRequest.GET("/prescriptions/12").bearerAuth(toolToken()));

        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        assertTrue(body(refused).contains("INVALID_ARGUMENTS"), body(refused));
    }

    @Test
    void theTeamsOwnApiRefusesAToolwireToken() {
        assertEquals(HttpStatus.UNAUTHORIZED,
                refusal(HttpRequest.GET("/api/stock/amoxicillin").bearerAuth(toolToken())).getStatus());
        assertEquals(HttpStatus.UNAUTHORIZED, refusal(HttpRequest.GET("/api/stock/amoxicillin")).getStatus());
    }

    @Test
    void theTeamsOwnApiAcceptsItsOwnToken() {
        String token = apiTokens.generateToken(Authentication.build("pharmacist"), 600).orElseThrow();

        HttpResponse<String> response = client.toBlocking().exchange(
                HttpRequest.GET("/api/stock/amoxicillin").bearerAuth(token), String.class);

        assertEquals(HttpStatus.OK, response.getStatus());
    }

    private String toolToken() {
        return credentials.token("consumer-test", List.of("find_prescription"), Duration.ofMinutes(5));
    }

    private HttpClientResponseException refusal(HttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException refused) {
            return refused;
        }
        throw new AssertionError("expected a refusal for " + request.getPath());
    }

    private static String body(HttpClientResponseException refused) {
        return refused.getResponse().getBody(String.class).orElse("");
    }
}
