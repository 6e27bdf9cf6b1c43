package dev.toolwire.runtime.http;

import static dev.toolwire.runtime.Exchanges.exchange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.toolwire.runtime.Exchanges;
import dev.toolwire.runtime.LocalToolCredentials;
import dev.toolwire.runtime.http.jobs.BatchTools;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two callers with valid tokens for the same tools never see each other's calls: one cannot read
 * the other's job by its id, and an identical call of one is not answered with the other's
 * remembered outcome. The subject of each token is the caller.
 */
@MicronautTest
@Property(name = "spec.name", value = "JobsAndRetriesTest")
@Property(name = "toolwire.auth.default", value = "jwt")
@Property(name = "toolwire.auth.jwt.secret", value = "caller-isolation-secret-0123456789-abcdefghijklmnopqrstuvwxyz")
class CallerIsolationTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    BatchTools tools;

    @Inject
    LocalToolCredentials credentials;

    private Exchanges.Answer as(String subject, MutableHttpRequest<?> request) {
        return exchange(client, request.bearerAuth(credentials.token(subject, List.of("*"), Duration.ofMinutes(5))));
    }

    @Test
    void aJobStartedByOneCaller_isUnknownToAnother() {
        Exchanges.Answer started = as("alice", HttpRequest.POST("/tools/crunch", "{\"what\":\"ledger\"}"));
        assertEquals(202, started.status(), started.body().toString());
        String status = "/tools/crunch_status?job_id=" + started.body().path("job_id").asText();

        Exchanges.Answer byBob = as("bob", HttpRequest.GET(status));
        assertEquals(404, byBob.status(), "another caller holding the id: " + byBob.body());
        assertEquals("NOT_FOUND", byBob.body().at("/error/code").asText());

        Exchanges.Answer byAlice = as("alice", HttpRequest.GET(status));
        assertEquals(200, byAlice.status(), byAlice.body().toString());
        assertEquals("running", byAlice.body().path("status").asText());
        tools.release.countDown(); // the job ends; nothing else in this class waits on it
    }

    @Test
    void anIdenticalCallOfAnotherCaller_runsOnItsOwn_andEachRetryAnswersItsOwnCaller() {
        String body = "{\"title\":\"Isolation\",\"size\":3}";
        Exchanges.Answer alice = as("alice", HttpRequest.POST("/tools/create_batch", body));
        Exchanges.Answer bob = as("bob", HttpRequest.POST("/tools/create_batch", body));
        assertEquals(200, alice.status(), alice.body().toString());
        assertEquals(200, bob.status(), bob.body().toString());
        assertNotEquals(alice.body(), bob.body(), "bob's call ran: it is not alice's remembered answer");

        assertEquals(alice.body(), as("alice", HttpRequest.POST("/tools/create_batch", body)).body());
        assertEquals(bob.body(), as("bob", HttpRequest.POST("/tools/create_batch", body)).body());
    }
}
