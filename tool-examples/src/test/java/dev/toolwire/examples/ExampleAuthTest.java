package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.auth.ToolCredentials;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples' two auth paths end to end: JWT tools want a scoped token, check_availability the header. */
@MicronautTest
class ExampleAuthTest {

    private static final String LOOKUP = "/tools/lookup_customer";
    private static final String LOOKUP_BODY = "{\"phone_number\": \"+971501234567\"}";
    private static final String AVAILABILITY = "/tools/check_availability?service_type=repair&start_date="
            + LocalDate.now(BusinessClock.ZONE).plusDays(7);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ToolCredentials credentials;

    private int status(MutableHttpRequest<?> request) {
        try {
            HttpResponse<String> ok = client.toBlocking().exchange(request, String.class);
            return ok.code();
        } catch (HttpClientResponseException e) {
            if (e.code() == 401) {
                assertTrue(e.getResponse().getHeaders().contains(HttpHeaders.WWW_AUTHENTICATE), "401 carries a challenge");
            }
            return e.code();
        }
    }

    private static MutableHttpRequest<String> lookup() {
        return HttpRequest.POST(LOOKUP, LOOKUP_BODY).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private String bearer(String... tools) {
        return "Bearer " + credentials.issueToken(List.of(tools), Duration.ofMinutes(5));
    }

    @Test
    void jwtTool_wantsATokenWithTheToolInScope() {
        assertEquals(401, status(lookup()));
        assertEquals(200, status(lookup().header(HttpHeaders.AUTHORIZATION, bearer("lookup_customer"))));
        assertEquals(403, status(lookup().header(HttpHeaders.AUTHORIZATION, bearer("get_order_status"))));
        assertEquals(401, status(lookup().header("X-API-Key", "examples-test-header-key")), "the header is not enough");
    }

    @Test
    void headerTool_wantsTheConfiguredHeader() {
        assertEquals(401, status(HttpRequest.GET(AVAILABILITY)));
        assertEquals(401, status(HttpRequest.GET(AVAILABILITY).header("X-API-Key", "examples-test-header-kex")));
        assertEquals(401, status(HttpRequest.GET(AVAILABILITY).header(HttpHeaders.AUTHORIZATION, bearer("*"))),
                "a token is not enough");
        assertEquals(200, status(HttpRequest.GET(AVAILABILITY).header("X-API-Key", "examples-test-header-key")));
    }
}
