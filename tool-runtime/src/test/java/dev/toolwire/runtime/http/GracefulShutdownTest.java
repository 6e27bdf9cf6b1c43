package dev.toolwire.runtime.http;

import static dev.toolwire.runtime.Polling.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.http.slow.SlowTools;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.graceful.GracefulShutdownManager;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * During a graceful shutdown a call already running finishes normally, while a new call is answered
 * {@code 503 UNAVAILABLE} with {@code Retry-After}; the shutdown waits for the running call.
 *
 * <p>Micronaut's shutdown also makes Netty stop accepting connections at once, so a new call on a new
 * connection is refused by TCP (and a load balancer retries it elsewhere); the 503 is what a call gets
 * that arrives on a connection still open. The first test therefore starts only the tool calls'
 * part of the shutdown, exactly as Micronaut's {@code GracefulShutdownManager} does, so the server
 * keeps listening; the second closes the whole context.
 */
class GracefulShutdownTest {

    /** The longest wait for the server's background work; only a broken test waits that long. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ApplicationContext context;
    private URI base;
    private SlowTools tools;

    @BeforeEach
    void start() {
        context = ApplicationContext.run(Map.of(
                "spec.name", "AsyncToolsTest",
                "toolwire.auth.default", "none",
                "micronaut.server.port", -1,
                "micronaut.lifecycle.graceful-shutdown.enabled", true,
                "micronaut.lifecycle.graceful-shutdown.grace-period", "10s"));
        base = context.getBean(EmbeddedServer.class).start().getURI();
        tools = context.getBean(SlowTools.class);
    }

    @AfterEach
    void stop() {
        if (context.isRunning()) {
            context.close();
        }
    }

    @Test
    void runningCallFinishes_newCallGets503_shutdownWaitsForTheRunningCall() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = call("/tools/pending", "{\"key\":\"slow\"}");
        assertTrue(eventually(() -> tools.pending.containsKey("slow"), WAIT), "the slow call never reached the tool");

        InFlightCalls calls = context.getBean(InFlightCalls.class);
        CompletionStage<?> drained = calls.shutdownGracefully();
        assertTrue(calls.draining());
        assertEquals(1, calls.reportActiveTasks().orElse(-1));

        HttpResponse<String> refused = call("/tools/greet", "{\"name\":\"late\"}").get(10, TimeUnit.SECONDS);
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"code\":\"UNAVAILABLE\""), refused.body());
        assertTrue(refused.body().contains("The service is restarting; please try again in a moment."), refused.body());
        assertEquals("5", refused.headers().firstValue("Retry-After").orElse(""));
        assertFalse(drained.toCompletableFuture().isDone(), "the shutdown did not wait for the running call");

        tools.pending.get("slow").complete("finished");
        HttpResponse<String> finished = slow.get(10, TimeUnit.SECONDS);
        assertEquals(200, finished.statusCode(), finished.body());
        assertTrue(finished.body().contains("finished"), finished.body());
        drained.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void closingTheContext_letsTheRunningCallFinish() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = call("/tools/pending", "{\"key\":\"closing\"}");
        assertTrue(eventually(() -> tools.pending.containsKey("closing"), WAIT), "the call never reached the tool");
        InFlightCalls calls = context.getBean(InFlightCalls.class);
        assertTrue(context.getBean(GracefulShutdownManager.class).reportActiveTasks().orElse(0) >= 1,
                "Micronaut's shutdown manager does not see the running call");

        CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
        assertTrue(eventually(calls::draining, WAIT), "the shutdown never started draining");
        assertFalse(closing.isDone(), "the context closed with a call still running");

        tools.pending.get("closing").complete("made it");
        HttpResponse<String> finished = slow.get(10, TimeUnit.SECONDS);
        assertEquals(200, finished.statusCode(), finished.body());
        closing.get(15, TimeUnit.SECONDS);
    }

    private CompletableFuture<HttpResponse<String>> call(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
