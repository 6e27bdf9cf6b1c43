package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Reruns the reproductions of issue 14 ("Hardening: callers kept apart, shutdown that answers, bounded
 * threads and connections, no open side doors") against the packaged {@code tool-examples.jar}, as an
 * outside tester did: real {@code java -jar} processes, real HTTP over real sockets. Each test is named
 * after the item it reproduces and asserts the fixed behaviour; each fails against the code
 * before the fix (commit 84b27b6, before 177b886..518e3d9), for the reason the issue gives.
 *
 * <p>Servers are started once, in parallel, each configured with {@code -D} system properties before
 * {@code -jar} (the property names of the README), all with one JWT secret and header key; tokens are
 * minted by the jar's own {@code token} command with the same secret. Reproductions that can share a
 * configuration share a server:
 * <ul>
 *   <li>{@code main} (bound to every address): per-caller quotas of 2 jobs and 2 remembered calls, a
 *       management token, the playground on, reports taking 8 s: items 2, 4, 7 (playground), 10, and
 *       the job half of 12a;</li>
 *   <li>{@code connections} (bound to every address): at most 3 connections, a 2 s request-head
 *       timeout, 5 refused credentials per address per minute, {@code 127.0.0.1} trusted as a reverse
 *       proxy, tools without auth by default and rate-limited to 2 calls a minute, reports taking 1 s
 *       (so answered directly): items 6, 7 (rate-limit key), 9b and the direct half of 12a. Only raw
 *       sockets talk to it, since {@code java.net.http} keeps connections open that count against the cap;</li>
 *   <li>{@code jobs}: 2 jobs at once and 1 waiting, reports taking 10 s: items 3, 12b and 12c;</li>
 *   <li>{@code shutdown}: a 5 s grace period, reports taking 8 s, stopped with SIGTERM by item 1.</li>
 * </ul>
 * Item 5 reads the tokens minted for the others; item 9a starts the jar with a weak header key and
 * expects it to stop. Each process writes its output to {@code target/security-reproductions-*.log},
 * whose tail is part of the failure messages.
 *
 * <p>A "remote" caller is this machine reached through one of its non-loopback IPv4 addresses, which
 * the server sees as a client that is not local. Without such an address a remote caller is faked: a
 * loopback connection naming another client in {@code X-Forwarded-For}, which the management filter and
 * the playground refuse as not local, and which the {@code connections} server, trusting
 * {@code 127.0.0.1} as a proxy, counts against that other client.
 *
 * <p>Items 8 and 11 cannot be seen from outside the process. Item 8 (secrets in the configuration
 * records' {@code toString}) is covered by {@code RuntimeConfigurationTest.noSecretIsEverInAConfigurationsToString}
 * in tool-runtime; item 11 (retry memory left pending by a call that throws synchronously) by
 * {@code DeduplicationCacheTest.aCallThatThrowsSynchronously_doesNotLeaveTheNextIdenticalCallWaiting}.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class SecurityReproductionsIT {

    private static final Path JAR = Path.of("target", "tool-examples.jar");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** 40 bytes: long enough for HS256, too short for HS512, the case of item 10. */
    private static final String JWT_SECRET = "security-reproductions-it-secret-0123456";
    private static final String HEADER_KEY = "security-reproductions-it-header-key";
    private static final String MANAGEMENT_TOKEN = "security-reproductions-it-scraper-token";
    /** A client another host's proxy would name; a documentation address (RFC 5737). */
    private static final String FORGED_CLIENT = "203.0.113.7";

    private static final String REPORT = "/tools/generate_account_report";
    private static final String REPORT_STATUS = "/tools/generate_account_report_status?job_id=";
    private static final String REPORT_ARGUMENTS = "{\"account_id\": \"ACC-5001\", \"report_type\": \"summary\"}";
    private static final int REPORT_WINDOW_SECONDS = 2; // @Job(acknowledgeWithinSeconds = 2) of generate_account_report
    private static final String LOOKUP = "/tools/lookup_customer";
    private static final String KNOWN_CUSTOMER = "{\"phone_number\": \"+971501234567\"}";
    private static final String TICKET = "/tools/create_support_ticket";
    private static final int TICKET_SUBJECT_MAX = 120; // @Size(max = 120) on create_support_ticket's subject
    private static final String PLAYGROUND_TOOLS = "/toolwire/playground/tools";

    private static final int MAIN_JOBS_PER_CALLER = 2;
    private static final int MAIN_REMEMBERED_PER_CALLER = 2;
    private static final int JOBS_AT_ONCE = 2;
    private static final int JOBS_WAITING = 1;
    private static final int CONNECTION_CAP = 3;
    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(2);
    private static final int FAILED_ATTEMPTS_PER_MINUTE = 5;
    private static final int OPEN_TOOL_CALLS_PER_MINUTE = 2;
    private static final Duration GRACE_PERIOD = Duration.ofSeconds(5);
    private static final int CALLS_AT_SIGTERM = 8;

    // The sentences the runtime answers with (DefaultJobStore, DeduplicationCache, MethodRunner).
    private static final String JOB_QUOTA_SENTENCE = "I can't start another one of these while so many are still in"
            + " progress. Please try again in a little while.";
    private static final String RETRY_QUOTA_SENTENCE = "I can't do that right now because too many requests like it"
            + " were made in a short time. Please try again in a few minutes.";
    private static final String BUSY_SENTENCE = "I'm too busy to do that right now. Please try again in a moment.";

    private static final List<JarRun> RUNS = new ArrayList<>();

    private static Origin local;
    private static Origin remote;
    private static JarRun main;
    private static JarRun connections;
    private static JarRun jobs;
    private static JarRun shutdown;
    private static JarRun weakKey;
    /** Two callers told apart only by the {@code sub} the token command gives each token (item 5). */
    private static String callerA;
    private static String callerB;
    /** A third caller, {@code token --subject repro-agent}, for everything that needs no second one. */
    private static String agent;

    @BeforeAll
    static void launchEverything() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "mvn package builds " + JAR);
        local = new Origin("127.0.0.1", null);
        remote = nonLoopbackIpv4().map(address -> new Origin(address.getHostAddress(), null))
                .orElse(new Origin("127.0.0.1", FORGED_CLIENT));

        main = server("main", Map.of(
                "micronaut.server.host", "0.0.0.0",
                "toolwire.management.tokens", MANAGEMENT_TOKEN,
                "toolwire.playground.enabled", "true",
                "toolwire.jobs.max-per-caller", Integer.toString(MAIN_JOBS_PER_CALLER),
                "toolwire.deduplication.max-per-caller", Integer.toString(MAIN_REMEMBERED_PER_CALLER),
                // item 10 sends 20 bad tokens in a row: each of them must reach the authenticator
                "toolwire.auth.failed-attempts-per-minute", "100",
                "examples.reports.work-time", "8s"));
        connections = server("connections", Map.of(
                "micronaut.server.host", "0.0.0.0",
                "toolwire.http.max-connections", Integer.toString(CONNECTION_CAP),
                "toolwire.http.header-timeout", HEADER_TIMEOUT.toSeconds() + "s",
                "toolwire.http.trusted-proxies", "127.0.0.1",
                "toolwire.auth.failed-attempts-per-minute", Integer.toString(FAILED_ATTEMPTS_PER_MINUTE),
                "toolwire.auth.default", "none",
                "toolwire.rate-limit.enabled", "true",
                "toolwire.rate-limit.requests-per-minute", Integer.toString(OPEN_TOOL_CALLS_PER_MINUTE),
                "examples.reports.work-time", "1s"));
        jobs = server("jobs", Map.of(
                "toolwire.jobs.max-concurrent", Integer.toString(JOBS_AT_ONCE),
                "toolwire.jobs.queue-size", Integer.toString(JOBS_WAITING),
                "examples.reports.work-time", "10s"));
        shutdown = server("shutdown", Map.of(
                "micronaut.lifecycle.graceful-shutdown.grace-period", GRACE_PERIOD.toSeconds() + "s",
                "examples.reports.work-time", "8s"));
        weakKey = JarRun.launch("weak-key", Map.of(
                "micronaut.server.port", Integer.toString(freePort()),
                "toolwire.auth.jwt.secret", JWT_SECRET,
                "toolwire.auth.header.values", "guessable"));
        Map<String, String> secret = Map.of("toolwire.auth.jwt.secret", JWT_SECRET);
        String[] reportsAndTickets = {"token", "--tool", "generate_account_report", "--tool",
                "generate_account_report_status", "--tool", "create_support_ticket"};
        JarRun firstToken = JarRun.launch("token-1", secret, reportsAndTickets);
        JarRun secondToken = JarRun.launch("token-2", secret, reportsAndTickets);
        JarRun namedToken = JarRun.launch("token-named", secret, "token", "--all", "--subject", "repro-agent");

        callerA = firstToken.printedToken();
        callerB = secondToken.printedToken();
        agent = namedToken.printedToken();
        for (JarRun server : List.of(main, connections, jobs, shutdown)) {
            server.awaitServing();
        }
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        for (JarRun run : RUNS) {
            run.process.destroy(); // all at once: each may take its grace period to drain
        }
        for (JarRun run : RUNS) {
            run.awaitStopped();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Item 1: shutdown dropped job calls; the acknowledgement timer stopped when draining started.

    @Test
    void item01_shutdown_stillAcknowledgesJobsInFlight_andAnswersEveryCallBeforeTheGraceEnds() throws Exception {
        assertEquals(200, post(shutdown, agent, LOOKUP, KNOWN_CUSTOMER).statusCode(), shutdown::tail); // warm up
        Instant sent = Instant.now();
        List<CompletableFuture<Timed>> calls = IntStream.range(0, CALLS_AT_SIGTERM)
                .mapToObj(i -> timedPost(shutdown, agent, REPORT, REPORT_ARGUMENTS))
                .toList();
        Thread.sleep(700); // within the 2 s window: every call has reached the tool, none is acknowledged yet
        Instant sigterm = Instant.now();
        shutdown.process.destroy(); // SIGTERM

        for (CompletableFuture<Timed> call : calls) {
            Timed answer = call.get(GRACE_PERIOD.toSeconds() + 10, TimeUnit.SECONDS);
            assertNull(answer.failure(), () -> "a job call in flight at SIGTERM was dropped unanswered: "
                    + answer.failure() + shutdown.tail());
            HttpResponse<String> response = answer.response();
            assertEquals(202, response.statusCode(), () -> "a job in flight at SIGTERM is acknowledged, not held until"
                    + " it finishes: " + show(response) + shutdown.tail());
            assertTrue(json(response).path("job_id").asText().startsWith("job-"), () -> show(response));
            assertTrue(answer.at().isAfter(sigterm), "acknowledged while the server drained");
            Duration after = Duration.between(sent, answer.at());
            assertTrue(after.compareTo(Duration.ofSeconds(REPORT_WINDOW_SECONDS + 2)) < 0,
                    () -> "acknowledged at the end of its " + REPORT_WINDOW_SECONDS + " s window, not after " + after);
            assertTrue(answer.at().isBefore(sigterm.plus(GRACE_PERIOD)), "answered before the grace period ended");
        }
        assertTrue(shutdown.process.waitFor(GRACE_PERIOD.toSeconds() + 10, TimeUnit.SECONDS),
                () -> "the server stops once its grace period is over" + shutdown.tail());
        // The jobs themselves (8 s of work) outlast the 5 s grace: cut off, and recorded as failed, before it ends.
        assertTrue(shutdown.log().contains("grace period is about to end: answering the " + CALLS_AT_SIGTERM
                + " tool calls still running"), () -> "the work still running is cut off before the grace period ends"
                + shutdown.tail());
    }

    // ---------------------------------------------------------------------------------------------
    // Item 2: one caller could evict everybody's jobs and remembered answers; no per-caller quota.

    @Test
    void item02a_jobQuota_refusesTheCallerOverIt_429_whileAnotherCallerKeepsItsJobAndStartsMore() throws Exception {
        CompletableFuture<HttpResponse<String>> neighbourCall = postAsync(main, callerB, REPORT, REPORT_ARGUMENTS);
        List<CompletableFuture<HttpResponse<String>>> floodCalls = IntStream.range(0, MAIN_JOBS_PER_CALLER)
                .mapToObj(i -> postAsync(main, callerA, REPORT, REPORT_ARGUMENTS))
                .toList();
        String neighbourJob = acknowledgedJob(neighbourCall.get(30, TimeUnit.SECONDS), main);
        List<String> floodJobs = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : floodCalls) {
            floodJobs.add(acknowledgedJob(call.get(30, TimeUnit.SECONDS), main));
        }

        HttpResponse<String> over = post(main, callerA, REPORT, REPORT_ARGUMENTS); // its two jobs still run (8 s)
        assertRefused(over, 429, "RATE_LIMITED", JOB_QUOTA_SENTENCE, main);
        assertEquals("30", over.headers().firstValue("Retry-After").orElse(""), "Retry-After says when to ask again");

        HttpResponse<String> kept = get(main, local, REPORT_STATUS + neighbourJob, bearer(callerB));
        assertEquals(200, kept.statusCode(), () -> "the other caller's job was not evicted: " + show(kept)
                + main.tail());
        assertEquals(404, get(main, local, REPORT_STATUS + neighbourJob, bearer(callerA)).statusCode(),
                "a job's status is shown only to the caller that started it");
        for (String job : floodJobs) {
            assertEquals(200, get(main, local, REPORT_STATUS + job, bearer(callerA)).statusCode(), main::tail);
        }
        HttpResponse<String> another = post(main, callerB, REPORT, REPORT_ARGUMENTS);
        assertEquals(202, another.statusCode(), () -> "the other caller can still start jobs: " + show(another)
                + main.tail());
    }

    @Test
    void item02b_retryMemoryQuota_refusesTheCallerOverIt_429_andForgetsNobodysAnswer() throws Exception {
        // create_support_ticket is @Idempotent: an identical call within 300 s answers the first ticket again.
        HttpResponse<String> neighbour = post(main, callerB, TICKET, ticket("neighbour", "Printer jams"));
        assertEquals(200, neighbour.statusCode(), () -> show(neighbour) + main.tail());
        List<HttpResponse<String>> flood = new ArrayList<>();
        for (int i = 1; i <= MAIN_REMEMBERED_PER_CALLER; i++) {
            HttpResponse<String> remembered = post(main, callerA, TICKET, ticket("flood-" + i, "Flood " + i));
            assertEquals(200, remembered.statusCode(), () -> show(remembered) + main.tail());
            flood.add(remembered);
        }

        HttpResponse<String> over = post(main, callerA, TICKET, ticket("flood-more", "Flood"));
        assertRefused(over, 429, "RATE_LIMITED", RETRY_QUOTA_SENTENCE, main);
        int retryAfter = Integer.parseInt(over.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter > 0 && retryAfter <= 300, "Retry-After within the tool's 300 s window: " + retryAfter);

        HttpResponse<String> retry = post(main, callerA, TICKET, ticket("flood-1", "Flood 1"));
        assertEquals(flood.get(0).body(), retry.body(), "a caller at its quota still gets its remembered answers");
        HttpResponse<String> neighbourRetry = post(main, callerB, TICKET, ticket("neighbour", "Printer jams"));
        assertEquals(neighbour.body(), neighbourRetry.body(),
                "the other caller's remembered answer stays: the same ticket, not a second one");
    }

    // ---------------------------------------------------------------------------------------------
    // Item 3: a thread per job, unbounded.

    @Test
    void item03_boundedJobExecutor_answersJobsBeyondItsSlotsAndQueue_503() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> started = IntStream.range(0, JOBS_AT_ONCE + JOBS_WAITING + 2)
                .mapToObj(i -> postAsync(jobs, agent, REPORT, REPORT_ARGUMENTS))
                .toList();
        List<HttpResponse<String>> acknowledged = new ArrayList<>();
        List<HttpResponse<String>> refused = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : started) {
            HttpResponse<String> response = call.get(30, TimeUnit.SECONDS);
            (response.statusCode() == 202 ? acknowledged : refused).add(response);
        }

        assertEquals(JOBS_AT_ONCE + JOBS_WAITING, acknowledged.size(), () -> "jobs taken: " + JOBS_AT_ONCE
                + " running and " + JOBS_WAITING + " waiting, no more; refused: " + shown(refused) + jobs.tail());
        for (HttpResponse<String> response : refused) {
            assertRefused(response, 503, "UNAVAILABLE", BUSY_SENTENCE, jobs);
            assertEquals("10", response.headers().firstValue("Retry-After").orElse(""), () -> show(response));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Item 4: metrics open to anyone.

    @Test
    void item04_managementEndpoints_needTheManagementTokenFromElsewhere_healthStaysOpen() throws Exception {
        for (String path : List.of("/prometheus", "/metrics", "/metrics/toolwire.tool.calls")) {
            HttpResponse<String> refused = get(main, remote, path);
            assertEquals(401, refused.statusCode(), () -> path + " from " + remote + " without the management token: "
                    + show(refused) + main.tail());
            assertEquals("UNAUTHORIZED", json(refused).at("/error/code").asText(), () -> show(refused));
            assertTrue(refused.body().contains("toolwire.management.tokens"), () -> show(refused));
            assertEquals("Bearer realm=\"toolwire-management\"",
                    refused.headers().firstValue("WWW-Authenticate").orElse(""));
        }
        assertEquals(401, get(main, remote, "/prometheus", bearer("not-" + MANAGEMENT_TOKEN)).statusCode(),
                "a wrong management token is refused");

        HttpResponse<String> scraper = get(main, remote, "/prometheus", bearer(MANAGEMENT_TOKEN));
        assertEquals(200, scraper.statusCode(), () -> "the management token opens /prometheus: " + main.tail());
        assertTrue(scraper.body().contains("toolwire_tool_calls"), "the scrape has the tool timers");
        assertEquals(200, get(main, local, "/prometheus").statusCode(),
                "a request made on this machine needs no token");
        HttpResponse<String> health = get(main, remote, "/health");
        assertEquals(200, health.statusCode(), "/health stays open to load balancers");
        assertEquals("UP", json(health).path("status").asText(), () -> show(health));
    }

    // ---------------------------------------------------------------------------------------------
    // Item 5: every minted token had sub = "hamsa".

    @Test
    void item05_mintedTokens_haveASubjectOfTheirOwn_orTheOneGiven() {
        String first = subject(callerA);
        String second = subject(callerB);

        assertTrue(first.startsWith("token/"), () -> "a token without --subject gets token/<random>: " + first);
        assertTrue(second.startsWith("token/"), second);
        assertNotEquals(first, second, "two invocations of `token --tool ...`, two callers");
        assertEquals("repro-agent", subject(agent), "`token --subject` sets the sub");
    }

    // ---------------------------------------------------------------------------------------------
    // Item 6: slow connections were kept forever, with no connection cap.

    @Test
    void item06a_aRequestHeadThatStopsHalfway_isAnswered408AndClosedAfterTheHeaderTimeout() throws Exception {
        try (RawConnection slow = RawConnection.open(local, connections)) {
            long start = System.nanoTime();
            slow.send("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Half: ");
            Drained drained = slow.drain(Duration.ofSeconds(10));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(drained.closed(), () -> "the connection is closed after the header timeout, not kept: "
                    + drained.text() + connections.tail());
            assertClosedAtTheHeaderTimeout(elapsed);
            RawAnswer answer = RawAnswer.parse(drained.bytes());
            assertEquals(408, answer.status(), answer::text);
            assertEquals("REQUEST_TIMEOUT", answer.json().at("/error/code").asText(), answer::text);
            assertEquals("close", answer.header("connection"), answer::text);
        }
    }

    @Test
    void item06b_aRequestHeadTrickledByteByByte_isCutOffAtTheHeaderTimeout() throws Exception {
        try (RawConnection slow = RawConnection.open(local, connections)) {
            long start = System.nanoTime();
            slow.send("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
            boolean closed = false;
            while (!closed && System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
                closed = !slow.trySend("a") || slow.drain(Duration.ofMillis(250)).closed(); // never idle, never done
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(closed, () -> "a connection trickling its head is closed, not kept: " + connections.tail());
            assertClosedAtTheHeaderTimeout(elapsed);
        }
    }

    @Test
    void item06c_connectionsBeyondTheCap_areAnswered503AndClosed_whileEarlierOnesStillWork() throws Exception {
        List<RawConnection> held = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTION_CAP; i++) {
                RawConnection connection = RawConnection.open(local, connections);
                held.add(connection);
                assertEquals(200, connection.exchange(KEPT_ALIVE_HEALTH).status(), connections::tail);
            }
            try (RawConnection over = RawConnection.open(local, connections)) {
                Drained drained = over.drain(Duration.ofSeconds(5));
                assertTrue(drained.closed(), () -> "a connection over the cap is closed: " + drained.text()
                        + connections.tail());
                RawAnswer refused = RawAnswer.parse(drained.bytes());
                assertEquals(503, refused.status(), refused::text);
                assertEquals("UNAVAILABLE", refused.json().at("/error/code").asText(), refused::text);
                assertEquals("5", refused.header("retry-after"), refused::text);
                assertEquals("close", refused.header("connection"), refused::text);
            }
            for (RawConnection connection : held) {
                assertEquals(200, connection.exchange(KEPT_ALIVE_HEALTH).status(),
                        "the connections within the cap still work");
            }
        } finally {
            for (RawConnection connection : held) {
                connection.close();
            }
        }
        assertTrue(eventuallyServed(Duration.ofSeconds(5)), () -> "a freed place serves again" + connections.tail());
    }

    // ---------------------------------------------------------------------------------------------
    // Item 7: the playground trusted the socket address, and so did the rate limit of open tools.

    @Test
    void item07a_playground_refusesARequestForwardedFromAnotherHost() throws Exception {
        HttpResponse<String> here = get(main, local, PLAYGROUND_TOOLS);
        assertEquals(200, here.statusCode(), () -> "made on this machine: " + show(here) + main.tail());
        assertTrue(here.body().contains("\"token\""), "the playground hands out a token");

        for (Origin elsewhere : List.of(new Origin("127.0.0.1", FORGED_CLIENT), remote)) {
            HttpResponse<String> refused = get(main, elsewhere, PLAYGROUND_TOOLS);
            assertEquals(403, refused.statusCode(), () -> "a visitor from " + elsewhere + " gets no token: "
                    + show(refused) + main.tail());
            assertEquals("FORBIDDEN", json(refused).at("/error/code").asText(), () -> show(refused));
            assertFalse(refused.body().contains("\"token\""), () -> show(refused));
        }
    }

    @Test
    void item07b_openToolsBehindATrustedProxy_countEachClientAgainstARateLimitOfItsOwn() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) { // fresh clients each time: one minute boundary resets all
            Origin first = new Origin("127.0.0.1", "198.51.100." + (10 + 2 * attempt));
            Origin second = new Origin("127.0.0.1", "198.51.100." + (11 + 2 * attempt));
            List<RawAnswer> answers = new ArrayList<>();
            for (Origin client : List.of(first, first, first, second)) {
                answers.add(RawConnection.once(client, connections, "POST", LOOKUP, KNOWN_CUSTOMER));
            }
            if (answers.stream().map(answer -> answer.header("x-ratelimit-reset")).distinct().count() == 1) {
                assertEquals(List.of(200, 200, 429, 200), answers.stream().map(RawAnswer::status).toList(),
                        () -> OPEN_TOOL_CALLS_PER_MINUTE + " calls a minute for each client the proxy names, not for"
                                + " the proxy: " + answers.stream().map(RawAnswer::text).toList() + connections.tail());
                return;
            }
        }
        throw new AssertionError("three attempts straddled a minute boundary");
    }

    // ---------------------------------------------------------------------------------------------
    // Item 9: weak header keys were accepted, and refused credentials never throttled.

    @Test
    void item09a_aHeaderKeyShorterThan16Bytes_stopsTheStart() throws Exception {
        assertTrue(weakKey.process.waitFor(60, TimeUnit.SECONDS), () -> "the start stops by itself" + weakKey.tail());
        assertNotEquals(0, weakKey.process.exitValue(), weakKey::tail);
        assertTrue(weakKey.log().contains("toolwire.auth.header.values[0] is too short: a header key needs at least 16"
                + " bytes"), () -> "the message names the property and the rule" + weakKey.tail());
    }

    @Test
    void item09b_aBurstOfRefusedKeys_endsIn429_forThatAddressOnly() throws Exception {
        String path = availability() + "&days_ahead=12";
        for (int i = 0; i < FAILED_ATTEMPTS_PER_MINUTE; i++) {
            RawAnswer guess = RawConnection.once(remote, connections, "GET", path, "", "X-API-Key", "guess-" + i);
            assertEquals(401, guess.status(), () -> guess.text() + connections.tail());
        }
        RawAnswer blocked = RawConnection.once(remote, connections, "GET", path, "", "X-API-Key", "guess-more");
        assertEquals(429, blocked.status(), () -> "past " + FAILED_ATTEMPTS_PER_MINUTE + " refused keys a minute, "
                + remote + " is throttled: " + blocked.text() + connections.tail());
        assertEquals("RATE_LIMITED", blocked.json().at("/error/code").asText(), blocked::text);
        assertFalse(blocked.header("retry-after").isEmpty(), blocked::text);
        assertEquals(429, RawConnection.once(remote, connections, "GET", path, "", "X-API-Key", HEADER_KEY).status(),
                "while throttled, not even the right key is checked");

        assertEquals(401, RawConnection.once(local, connections, "GET", path, "", "X-API-Key", "guess-local").status(),
                "another address is not affected");
        assertEquals(200, RawConnection.once(local, connections, "GET", path, "", "X-API-Key", HEADER_KEY).status(),
                "another address is not affected");
    }

    // ---------------------------------------------------------------------------------------------
    // Item 10: anyone could write a WARN per request.

    @Test
    void item10_garbageTokensAskingForHs512_writeNoWarnLine() throws Exception {
        String garbage = base64Url("{\"alg\":\"HS512\"}") + "." + base64Url("{\"sub\":\"x\"}") + "."
                + base64Url("signature");
        long warningsBefore = main.warnLines();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> refused = post(main, garbage, LOOKUP, KNOWN_CUSTOMER);
            assertEquals(401, refused.statusCode(), () -> show(refused) + main.tail());
        }
        Thread.sleep(500); // let the log catch up
        assertEquals(warningsBefore, main.warnLines(), () -> "refusing a token writes no WARN line" + main.tail());
    }

    // ---------------------------------------------------------------------------------------------
    // Item 12: inconsistent edges.

    @Test
    void item12a_aJobsResultThroughItsStatusTool_spellsNumbersAsTheDirectCall() throws Exception {
        RawAnswer direct = RawConnection.once(local, connections, "POST", REPORT, REPORT_ARGUMENTS);
        assertEquals(200, direct.status(), () -> "the 1 s report is answered directly: " + direct.text()
                + connections.tail());

        String job = acknowledgedJob(post(main, agent, REPORT, REPORT_ARGUMENTS), main);
        String status = awaitJobDone(main, agent, job);
        // The status answer ends with the result: {"job_id": ..., "progress": 100, "result": <the report>}
        String result = status.substring(status.indexOf("\"result\":") + "\"result\":".length(), status.length() - 1);

        assertTrue(result.contains("\"total_in\":500.00,"), () -> "500.00, not 5E+2: " + status);
        assertEquals(withoutReportIdentity(direct.body()), withoutReportIdentity(result),
                "the job's result is the bytes the direct call answers");
    }

    @Test
    void item12b_arabicIndicOrFullWidthDigitsInTheQuery_areRefused400_asInAJsonBody() throws Exception {
        HttpResponse<String> ascii = get(jobs, local, availability() + "&days_ahead=12", "X-API-Key", HEADER_KEY);
        assertEquals(200, ascii.statusCode(), () -> show(ascii) + jobs.tail());
        HttpResponse<String> inBody = send(HttpRequest.newBuilder(uri(jobs, local, availability()))
                .header("X-API-Key", HEADER_KEY)
                .header("Content-Type", "application/json")
                .method("GET", HttpRequest.BodyPublishers.ofString("{\"days_ahead\": \"\u0661\u0662\"}")));
        assertEquals(400, inBody.statusCode(), () -> show(inBody));

        for (String digits : List.of("\u0661\u0662", "\uFF11\uFF12")) { // Arabic-Indic and full-width 12
            HttpResponse<String> refused = get(jobs, local, availability() + "&days_ahead="
                    + URLEncoder.encode(digits, StandardCharsets.UTF_8), "X-API-Key", HEADER_KEY);
            assertEquals(400, refused.statusCode(), () -> "days_ahead=" + digits + " is not an integer: "
                    + show(refused) + jobs.tail());
            assertEquals("INVALID_ARGUMENTS", json(refused).at("/error/code").asText(), () -> show(refused));
            assertEquals("/days_ahead", json(refused).at("/error/details/0/path").asText(), () -> show(refused));
            assertEquals(json(inBody).at("/error/message"), json(refused).at("/error/message"),
                    "refused as the same text in a JSON body is");
        }
    }

    @Test
    void item12c_aSubjectOf120Emoji_passesTheJavaCheckAsItPassesTheSchema() throws Exception {
        String emoji = new String(Character.toChars(0x1F600));
        String longest = emoji.repeat(TICKET_SUBJECT_MAX); // 120 code points, 240 UTF-16 units

        HttpResponse<String> opened = post(jobs, agent, TICKET, ticket("emoji", longest));
        assertEquals(200, opened.statusCode(), () -> "120 characters are allowed, counted as code points: "
                + show(opened) + jobs.tail());
        assertEquals(longest, json(opened).path("subject").asText());

        HttpResponse<String> tooLong = post(jobs, agent, TICKET, ticket("emoji-plus-one", longest + emoji));
        assertEquals(400, tooLong.statusCode(), "121 are still too many");
        assertEquals("/subject", json(tooLong).at("/error/details/0/path").asText(), () -> show(tooLong));
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers: calls over HTTP.

    private static HttpResponse<String> post(JarRun server, String token, String path, String body) throws Exception {
        return send(postRequest(server, token, path, body));
    }

    private static CompletableFuture<HttpResponse<String>> postAsync(JarRun server, String token, String path,
            String body) {
        return HTTP.sendAsync(postRequest(server, token, path, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A call whose arrival time is recorded, and whose failure (a connection dropped) is kept rather than thrown. */
    private static CompletableFuture<Timed> timedPost(JarRun server, String token, String path, String body) {
        return postAsync(server, token, path, body)
                .handle((response, failure) -> new Timed(response, failure, Instant.now()));
    }

    private static HttpRequest.Builder postRequest(JarRun server, String token, String path, String body) {
        return HttpRequest.newBuilder(uri(server, local, path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> get(JarRun server, Origin origin, String path, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(server, origin, path)).GET();
        if (origin.forwardedFor() != null) {
            request.header("X-Forwarded-For", origin.forwardedFor());
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(JarRun server, Origin origin, String path) {
        return URI.create("http://" + origin.host() + ":" + server.port + path);
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static String acknowledgedJob(HttpResponse<String> response, JarRun server) {
        assertEquals(202, response.statusCode(), () -> "the report is a job: " + show(response) + server.tail());
        return json(response).path("job_id").asText();
    }

    /** Asks the report's status tool until the job is no longer running; its last answer. */
    private static String awaitJobDone(JarRun server, String token, String job) throws Exception {
        Instant giveUp = Instant.now().plusSeconds(60);
        HttpResponse<String> status;
        do {
            Thread.sleep(500);
            status = get(server, local, REPORT_STATUS + job, bearer(token));
            assertEquals(200, status.statusCode(), show(status));
        } while ("running".equals(json(status).path("status").asText()) && Instant.now().isBefore(giveUp));
        assertEquals("done", json(status).path("status").asText(), show(status));
        return status.body();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code, String sentence,
            JarRun server) {
        assertEquals(status, response.statusCode(), () -> show(response) + server.tail());
        JsonNode error = json(response).path("error");
        assertEquals(code, error.path("code").asText(), show(response));
        assertEquals(sentence, error.path("message").asText(), "a sentence the agent can say");
    }

    /** check_availability (header auth, GET) for next week, without {@code days_ahead}. */
    private static String availability() {
        LocalDate nextWeek = LocalDate.now(BusinessClock.ZONE).plusDays(7);
        return "/tools/check_availability?service_type=repair&start_date=" + nextWeek;
    }

    private static String ticket(String email, String subject) {
        return JSON.createObjectNode()
                .put("customer_email", email + "@example.com")
                .put("subject", subject)
                .put("description", "Reproduction of issue 14.")
                .toString();
    }

    /** A report without what differs between two runs of it: its number and the second it was made. */
    private static String withoutReportIdentity(String report) {
        return report.replaceFirst("\"report_id\":\"[^\"]*\"", "").replaceFirst("\"generated_at\":\"[^\"]*\"", "");
    }

    private static String subject(String token) {
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length, token);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        return readJson(claims).path("sub").asText();
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return readJson(response.body());
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static String shown(List<HttpResponse<String>> responses) {
        return responses.stream().map(SecurityReproductionsIT::show).toList().toString();
    }

    /** An answer as a failure message shows it: its status and the start of its body. */
    private static String show(HttpResponse<String> response) {
        return response.statusCode() + " " + shortened(response.body());
    }

    private static String shortened(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "...";
    }

    /** What a reproduction sent, and when its answer came. */
    private record Timed(HttpResponse<String> response, Throwable failure, Instant at) {}

    // ---------------------------------------------------------------------------------------------
    // Helpers: raw HTTP/1.1, for what java.net.http cannot do (half a request head, a held connection).

    private static final String KEPT_ALIVE_HEALTH = "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n";

    private static void assertClosedAtTheHeaderTimeout(Duration elapsed) {
        assertTrue(elapsed.compareTo(HEADER_TIMEOUT.minusMillis(200)) >= 0,
                "not before the header timeout: " + elapsed);
        assertTrue(elapsed.compareTo(HEADER_TIMEOUT.plusSeconds(3)) < 0, "closed " + elapsed + " after the head began");
    }

    private static boolean eventuallyServed(Duration within) throws Exception {
        Instant giveUp = Instant.now().plus(within);
        do {
            if (RawConnection.once(local, connections, "GET", "/health", "").status() == 200) {
                return true;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(giveUp));
        return false;
    }

    /** Who calls: the address to connect to, and the client named in {@code X-Forwarded-For}, if any. */
    private record Origin(String host, String forwardedFor) {
        @Override
        public String toString() {
            return forwardedFor == null ? host : host + " (X-Forwarded-For: " + forwardedFor + ")";
        }
    }

    /** Bytes read from a connection, and whether the server closed it. */
    private record Drained(byte[] bytes, boolean closed) {
        String text() {
            return shortened(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** One HTTP answer read off a socket. */
    private record RawAnswer(int status, Map<String, String> headers, String body) {

        static RawAnswer parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            assertTrue(end > 0, () -> "no complete HTTP answer: " + text);
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
                headers.put(name, lines[i].substring(colon + 1).strip());
            }
            return new RawAnswer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
        }

        /** A header's value, empty when absent; {@code name} in lower case. */
        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        JsonNode json() {
            return readJson(body);
        }

        String text() {
            return status + " " + headers + " " + shortened(body);
        }
    }

    /** A client connection made by hand. */
    private static final class RawConnection implements Closeable {

        private final Socket socket;
        private final Origin origin;

        private RawConnection(Socket socket, Origin origin) {
            this.socket = socket;
            this.origin = origin;
        }

        static RawConnection open(Origin origin, JarRun server) throws IOException {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(origin.host(), server.port), 5_000);
            return new RawConnection(socket, origin);
        }

        /**
         * Sends one request on a connection of its own ({@code Connection: close}) and reads the answer
         * until the server closes the connection.
         *
         * @param headers names and values, one after the other
         */
        static RawAnswer once(Origin origin, JarRun server, String method, String path, String body, String... headers)
                throws IOException {
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n");
            if (origin.forwardedFor() != null) {
                request.append("X-Forwarded-For: ").append(origin.forwardedFor()).append("\r\n");
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            if (content.length > 0) {
                request.append("Content-Type: application/json\r\n")
                        .append("Content-Length: ").append(content.length).append("\r\n");
            }
            try (RawConnection connection = open(origin, server)) {
                connection.send(request.append("\r\n").append(body).toString());
                Drained drained = connection.drain(Duration.ofSeconds(30));
                assertTrue(drained.closed(), () -> "no answer within 30 s from " + origin + ": " + drained.text());
                return RawAnswer.parse(drained.bytes());
            }
        }

        /** Sends a whole request, keeping the connection open, and reads one answer by its Content-Length. */
        RawAnswer exchange(String request) throws IOException {
            send(request);
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                assertTrue(b >= 0, () -> "closed before an answer to " + request + ": " + head);
                head.write(b);
            }
            RawAnswer answer = RawAnswer.parse(head.toByteArray());
            byte[] body = in.readNBytes(Integer.parseInt(answer.header("content-length")));
            return new RawAnswer(answer.status(), answer.headers(), new String(body, StandardCharsets.UTF_8));
        }

        void send(String text) throws IOException {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }

        /** Sends, and says whether the connection took it (a closed one is reset). */
        boolean trySend(String text) {
            try {
                send(text);
                return true;
            } catch (IOException closed) {
                return false;
            }
        }

        /** Reads what arrives until the server closes the connection, or nothing more comes for a while. */
        Drained drain(Duration quiet) throws IOException {
            socket.setSoTimeout((int) quiet.toMillis());
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
                return new Drained(received.toByteArray(), true);
            } catch (SocketTimeoutException stillOpen) {
                return new Drained(received.toByteArray(), false);
            } catch (SocketException reset) {
                return new Drained(received.toByteArray(), true);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        @Override
        public String toString() {
            return "connection from " + origin;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers: the jar's processes.

    private static JarRun server(String name, Map<String, String> settings) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>(settings);
        properties.put("micronaut.server.port", Integer.toString(freePort()));
        properties.put("toolwire.auth.jwt.secret", JWT_SECRET);
        properties.put("toolwire.auth.header.values", HEADER_KEY);
        return JarRun.launch(name, properties);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Optional<InetAddress> nonLoopbackIpv4() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(SecurityReproductionsIT::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    /** One {@code java -jar tool-examples.jar} process: a server, or a command. */
    private static final class JarRun {

        private static final int TAIL_LINES = 40;
        /** Prefixes of environment variables that would configure the jar besides what a test gives it. */
        private static final List<String> INHERITED_CONFIGURATION =
                List.of("TOOLWIRE_", "MICRONAUT_", "EXAMPLES_", "HAMSA_");

        final String name;
        final Process process;
        final int port;
        private final Path output;
        private final Path log;

        private JarRun(String name, Process process, int port, Path output, Path log) {
            this.name = name;
            this.process = process;
            this.port = port;
            this.output = output;
            this.log = log;
        }

        /**
         * Starts the jar with these system properties and arguments, in an environment cleared of any
         * configuration the build itself may carry. A server (no arguments) writes everything to its
         * log; a command's standard output, which is its result, goes to a file of its own.
         */
        static JarRun launch(String name, Map<String, String> properties, String... args) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // C1 only: these JVMs live a minute at most, and on a small machine the optimising compiler
            // would mostly slow their start down.
            command.add("-XX:TieredStopAtLevel=1");
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", JAR.toString()));
            command.addAll(List.of(args));
            Path log = Path.of("target", "security-reproductions-" + name + ".log");
            boolean server = args.length == 0;
            Path output = server ? log : Path.of("target", "security-reproductions-" + name + ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile());
            if (server) {
                builder.redirectErrorStream(true);
            } else {
                builder.redirectError(log.toFile());
            }
            builder.environment().keySet()
                    .removeIf(variable -> INHERITED_CONFIGURATION.stream().anyMatch(variable::startsWith));
            int port = Integer.parseInt(properties.getOrDefault("micronaut.server.port", "0"));
            JarRun run = new JarRun(name, builder.start(), port, output, log);
            RUNS.add(run);
            return run;
        }

        /** Waits until the server answers {@code /health} on loopback. */
        void awaitServing() throws Exception {
            Instant giveUp = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(giveUp)) {
                assertTrue(process.isAlive(), () -> name + " exited early" + tail());
                try {
                    if (RawConnection.once(local, this, "GET", "/health", "").status() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new AssertionError(name + " did not serve within 120 s" + tail());
        }

        /** The token a {@code token} command printed. */
        String printedToken() throws Exception {
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), () -> name + " finishes" + tail());
            String printed = Files.readString(output).strip();
            assertEquals(0, process.exitValue(), () -> name + " printed " + printed + tail());
            return printed;
        }

        String log() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long warnLines() {
            return log().lines().filter(line -> line.contains(" WARN ")).count();
        }

        /** The end of the process's log, for a failure message. */
        String tail() {
            List<String> lines = log().lines().toList();
            return "\n--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        }

        /** Waits for the process to end after {@link Process#destroy()}, and kills it if it takes too long. */
        void awaitStopped() throws InterruptedException {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
