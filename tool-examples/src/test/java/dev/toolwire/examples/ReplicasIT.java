package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.testing.FakeHamsa;
import dev.toolwire.testing.LocalRedis;
import dev.toolwire.testing.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three replicas of the packaged {@code tool-examples.jar} ({@code java -jar}, each on its own port)
 * on one real Redis ({@code toolwire.store=redis}, {@code redis.uri}) and one {@link FakeHamsa},
 * with start-up sync on, one public URL, one JWT secret and a limit of five calls per credential and
 * minute: what a team behind a load balancer runs. Called over real HTTP with tokens minted by the
 * jar's own {@code token} command. Proves that each failure issue 15 saw with several replicas is
 * gone:
 *
 * <ul>
 *   <li>a report job started on replica 1 is reported by replicas 2 and 3 through its status tool,
 *       running and then done with one and the same result;
 *   <li>a retried {@code book_appointment} (same caller, same arguments) on replica 2 answers the
 *       booking replica 1 made instead of booking again, a different booking gets a new appointment,
 *       and one booking fired at replicas 1 and 3 at the same moment is booked once;
 *   <li>the per-credential rate limit holds across replicas: of nine calls spread over the three,
 *       exactly five go through;
 *   <li>the three start-up syncs do not race: one replica syncs, the others log that another
 *       replica is syncing, and each tool exists once on Hamsa;
 *   <li>with Redis killed, calls that need the store answer {@code 503 UNAVAILABLE} with a sentence
 *       and {@code Retry-After}, calls that need none answer {@code 200}, {@code /health} is DOWN;
 *       once Redis is back, booking works again within seconds;
 *   <li>a replica killed ({@code SIGKILL}) while it runs a report job: the status tool on another
 *       replica answers "failed" ({@code UNAVAILABLE}, "lost ... start the request again") within
 *       the job lease rather than "running".
 * </ul>
 *
 * <p>The tests run in order: the outage and the kill go last, and the sync is checked after the
 * first tests, by when it has settled. Each replica writes to {@code target/replicas-it-<n>.log};
 * failure messages end with the tails of those logs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final Path JAR = Path.of("target", "tool-examples.jar");
    private static final String JWT_SECRET = "replicas-it-secret-0123456789-abcdefghijkl";
    private static final String HEADER_VALUE = "replicas-it-header-value";
    private static final String HAMSA_KEY = "replicas-it-hamsa-key";
    private static final int LIMIT_PER_MINUTE = 5;
    private static final Duration JOB_LEASE = Duration.ofSeconds(3);
    private static final Duration REPORT_WORK = Duration.ofSeconds(5);
    /** Each fake Hamsa answer is this late, so the replica that syncs holds the lock while the others start. */
    private static final Duration HAMSA_LATENCY = Duration.ofMillis(400);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final String REPORT_STATUS = "generate_account_report_status";
    private static final List<String> TOOLS = List.of("lookup_customer", "update_customer_preferences",
            "create_support_ticket", "get_order_status", "check_availability", "book_appointment",
            "cancel_appointment", "generate_account_report", REPORT_STATUS);

    private static final Pattern SYNCED = Pattern.compile(
            "Hamsa sync: (\\d+) created, (\\d+) updated, (\\d+) unchanged, (\\d+) deactivated, (\\d+) failed");
    private static final String SKIPPED = "Hamsa sync skipped: another replica (";
    private static final Pattern LOG_TIME = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) ");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<Replica> REPLICAS = new ArrayList<>();
    private static @Nullable LocalRedis redis;
    private static @Nullable FakeHamsa hamsa;
    /** One subject per test, so no test spends another's five calls a minute. */
    private static String reportToken = "";
    private static String bookingToken = "";
    private static String rateToken = "";
    private static String outageToken = "";
    private static String lostJobToken = "";

    @BeforeAll
    static void startReplicas() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "mvn package builds " + JAR);
        LocalRedis server = LocalRedis.start();
        redis = server;
        FakeHamsa fake = FakeHamsa.start(HAMSA_KEY).latency(HAMSA_LATENCY);
        hamsa = fake;
        int[] ports = freePorts(3);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("toolwire.store", "redis");
        properties.put("redis.uri", server.uri());
        properties.put("toolwire.redis.timeout", "1s");
        properties.put("toolwire.redis.job-lease", JOB_LEASE.toSeconds() + "s");
        properties.put("toolwire.sync.on-startup", "true");
        properties.put("toolwire.public-url", "http://127.0.0.1:" + ports[0]);
        properties.put("toolwire.hamsa.base-url", fake.url().toString());
        properties.put("toolwire.hamsa.requests-per-minute", "60000");
        properties.put("toolwire.rate-limit.enabled", "true");
        properties.put("toolwire.rate-limit.requests-per-minute", Integer.toString(LIMIT_PER_MINUTE));
        properties.put("examples.reports.work-time", REPORT_WORK.toSeconds() + "s");
        for (int i = 0; i < ports.length; i++) {
            REPLICAS.add(Replica.start(i + 1, ports[i], properties));
        }
        // Tokens are minted while the replicas start, by the jar's own command in the same environment.
        ExecutorService minting = Executors.newFixedThreadPool(2);
        try {
            Future<String> report = minting.submit(() -> token(properties, "reporter", "generate_account_report",
                    REPORT_STATUS));
            Future<String> booking = minting.submit(() -> token(properties, "caller-1", "book_appointment"));
            Future<String> rate = minting.submit(() -> token(properties, "rate-caller", "lookup_customer"));
            Future<String> outage = minting.submit(() -> token(properties, "outage-caller", "book_appointment",
                    "generate_account_report", REPORT_STATUS, "lookup_customer", "get_order_status"));
            Future<String> lost = minting.submit(() -> token(properties, "lost-job-caller", "generate_account_report",
                    REPORT_STATUS));
            reportToken = report.get();
            bookingToken = booking.get();
            rateToken = rate.get();
            outageToken = outage.get();
            lostJobToken = lost.get();
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause().getMessage(), e.getCause());
        } finally {
            minting.shutdownNow();
        }
        for (Replica replica : REPLICAS) {
            replica.awaitListening();
        }
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        try {
            for (Replica replica : REPLICAS) {
                replica.process.destroy();
            }
            for (Replica replica : REPLICAS) {
                if (!replica.process.waitFor(20, TimeUnit.SECONDS)) {
                    replica.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
            if (hamsa != null) {
                hamsa.close();
            }
        }
    }

    @Test
    @Order(1)
    void aReportStartedOnReplica1_isReportedByReplicas2And3() throws Exception {
        long startedAt = System.nanoTime();
        Answer started = post(replica(1), "/tools/generate_account_report", reportToken,
                "{\"account_id\": \"ACC-5001\", \"report_type\": \"summary\"}");
        assertEquals(202, started.status(), () -> "a report outlasting its window is acknowledged 202: " + started
                + logs());
        String jobId = started.text("job_id");
        assertEquals(REPORT_STATUS, started.text("status_tool"), () -> started + logs());

        String statusPath = "/tools/" + REPORT_STATUS + "?job_id=" + jobId;
        for (int n : new int[] {2, 3}) {
            Answer running = get(replica(n), statusPath, reportToken);
            assertEquals(200, running.status(), () -> "replica " + n + " knows the job replica 1 runs: " + running
                    + logs());
            assertEquals("running", running.text("status"), () -> "replica " + n + ": " + running + logs());
        }

        sleepUntil(startedAt + REPORT_WORK.plusMillis(1500).toNanos());
        Answer done2 = awaitJob(replica(2), statusPath, reportToken, "done", Duration.ofSeconds(90));
        Answer done3 = awaitJob(replica(3), statusPath, reportToken, "done", Duration.ofSeconds(90));
        JsonNode result = done2.body().path("result");
        assertEquals("ACC-5001", result.path("account_id").asText(), () -> done2 + logs());
        assertEquals(result, done3.body().path("result"),
                () -> "replicas 2 and 3 report the one result replica 1 stored: " + done2 + " / " + done3);
    }

    @Test
    @Order(2)
    void aRetriedBookingOnAnotherReplica_answersTheFirstBooking_andADuplicateAtOnceBooksOnce() throws Exception {
        List<String> slots = freeSlots(replica(1));
        assertTrue(slots.size() >= 3, () -> "at least three free slots: " + slots);

        // Every replica numbers its own (in-memory) bookings from the same start, so a replica that booked
        // again would answer the very number replica 1 gave. Replica 1 books twice first: its number is
        // then one no other replica would give for its first booking.
        Answer earlier = post(replica(1), "/tools/book_appointment", bookingToken, booking(slots.get(1)));
        assertEquals(200, earlier.status(), () -> "replica 1 books: " + earlier + logs());
        Answer first = post(replica(1), "/tools/book_appointment", bookingToken, booking(slots.get(0)));
        assertEquals(200, first.status(), () -> "replica 1 books: " + first + logs());
        String firstId = first.text("appointment_id");
        assertNotEquals(earlier.text("appointment_id"), firstId,
                () -> "a different booking of the same caller is a new appointment: " + earlier + " / " + first);
        assertEquals(slots.get(0), first.text("slot_id"), first::toString);

        Answer retried = post(replica(2), "/tools/book_appointment", bookingToken, booking(slots.get(0)));
        assertEquals(200, retried.status(), () -> "the retry on replica 2: " + retried + logs());
        assertEquals(firstId, retried.text("appointment_id"),
                () -> "the retry on replica 2 answers replica 1's booking rather than booking again: " + first + " / "
                        + retried + logs());
        assertEquals(first.body(), retried.body(), "the retry answers exactly what the first call answered");
        assertTrue(freeSlots(replica(2)).contains(slots.get(0)),
                "replica 2 never booked: the slot is still free in its own (in-memory) calendar");

        // The same booking fired at replicas 1 and 3 at one moment: one claims it, the other waits for
        // its outcome. Replica 1 has booked twice and replica 3 never, so had both booked, the numbers differ.
        String duplicate = booking(slots.get(2));
        CompletableFuture<Answer> onReplica1 = postAsync(replica(1), "/tools/book_appointment", bookingToken, duplicate);
        CompletableFuture<Answer> onReplica3 = postAsync(replica(3), "/tools/book_appointment", bookingToken, duplicate);
        Answer answer1 = onReplica1.get(60, TimeUnit.SECONDS);
        Answer answer3 = onReplica3.get(60, TimeUnit.SECONDS);
        assertEquals(200, answer1.status(), () -> "replica 1: " + answer1 + logs());
        assertEquals(200, answer3.status(), () -> "replica 3: " + answer3 + logs());
        assertEquals(answer1.text("appointment_id"), answer3.text("appointment_id"),
                () -> "one booking for a duplicate sent to two replicas at once: " + answer1 + " / " + answer3 + logs());
        assertEquals(answer1.body(), answer3.body(), "both callers hear the same booking");
    }

    @Test
    @Order(3)
    void theRateLimitHoldsAcrossReplicas() throws Exception {
        String call = "{\"phone_number\": \"+971501234567\"}";
        for (int round = 0; round < 3; round++) {
            awaitRoomInTheMinute();
            List<Answer> answers = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                answers.add(post(replica(i % 3 + 1), "/tools/lookup_customer", rateToken, call));
            }
            String firstReset = answers.get(0).header("X-RateLimit-Reset").orElse("none");
            String lastReset = answers.get(8).header("X-RateLimit-Reset").orElse("none");
            if (!firstReset.equals(lastReset)) {
                // The calls straddled a minute boundary: start again in a window with no calls yet.
                sleepUntilEpochSecond(Long.parseLong(lastReset));
                continue;
            }
            String statuses = answers.stream().map(a -> Integer.toString(a.status())).collect(Collectors.joining(","));
            assertEquals("200,200,200,200,200,429,429,429,429", statuses,
                    () -> "of nine calls over three replicas (1,2,3,1,2,3,...) in one minute the first five pass: "
                            + answers + logs());
            assertEquals("4", answers.get(0).header("X-RateLimit-Remaining").orElse(""), () -> answers.get(0).toString());
            assertEquals("0", answers.get(4).header("X-RateLimit-Remaining").orElse(""),
                    () -> "the fifth call, on replica 2, spends the last of the credential's calls: " + answers.get(4));
            for (Answer refused : answers.subList(5, 9)) {
                assertEquals("RATE_LIMITED", refused.errorCode(), refused::toString);
                assertTrue(refused.header("Retry-After").isPresent(), refused::toString);
                assertEquals(Integer.toString(LIMIT_PER_MINUTE), refused.header("X-RateLimit-Limit").orElse(""),
                        refused::toString);
            }
            return;
        }
        fail("three rounds straddled a minute boundary");
    }

    @Test
    @Order(4)
    void theStartupSyncsDoNotRace_eachToolExistsOnceOnHamsa() throws Exception {
        FakeHamsa fake = hamsa();
        long giveUp = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String previous = "";
        int stableRounds = 0;
        while (true) {
            boolean decided = REPLICAS.stream().allMatch(r -> SYNCED.matcher(r.log()).find() || r.log().contains(SKIPPED));
            String now = fake.tools().toString();
            stableRounds = now.equals(previous) ? stableRounds + 1 : 0;
            previous = now;
            if (decided && stableRounds >= 3) {
                break;
            }
            if (System.nanoTime() > giveUp) {
                fail("the three start-up syncs did not settle within 120 s; every replica logs a finished sync or"
                        + " the skip line" + logs());
            }
            Thread.sleep(300);
        }

        Map<String, Integer> live = new TreeMap<>();
        for (ObjectNode tool : fake.tools()) {
            if (tool.path("isActive").asBoolean()) {
                live.merge(tool.path("name").asText(), 1, Integer::sum);
            }
        }
        Map<String, Integer> once = new TreeMap<>();
        TOOLS.forEach(name -> once.put(name, 1));
        assertEquals(once, live, () -> "one live web tool per name on Hamsa: " + fake.tools() + logs());
        List<RecordedRequest> creates = fake.requests().stream()
                .filter(r -> r.method().equals("POST") && r.isSuccessfulWrite() && r.path().endsWith("/web-tool"))
                .toList();
        assertEquals(TOOLS.size(), fake.tools().size(),
                () -> "no tool was ever created twice (and so none had to be deactivated): " + creates + logs());

        List<Replica> wrote = new ArrayList<>();
        List<Replica> skipped = new ArrayList<>();
        List<Replica> syncedLater = new ArrayList<>();
        for (Replica replica : REPLICAS) {
            String log = replica.log();
            Matcher synced = SYNCED.matcher(log);
            if (synced.find()) {
                boolean writes = Integer.parseInt(synced.group(1)) + Integer.parseInt(synced.group(2))
                        + Integer.parseInt(synced.group(4)) > 0;
                assertEquals("0", synced.group(5), () -> "replica " + replica.n + "'s sync failed nothing" + logs());
                (writes ? wrote : syncedLater).add(replica);
            } else {
                assertTrue(log.contains(SKIPPED), () -> "replica " + replica.n + " synced or skipped" + logs());
                skipped.add(replica);
            }
        }
        assertEquals(1, wrote.size(), () -> "exactly one replica wrote to Hamsa; wrote: " + numbers(wrote) + logs());
        Matcher writer = SYNCED.matcher(wrote.get(0).log());
        assertTrue(writer.find());
        assertEquals(Integer.toString(TOOLS.size()), writer.group(1), () -> "it created every tool" + logs());
        // A replica may only sync as well if it took the lock after the first one had released it; with all
        // three started at once (Hamsa answering slowly) that does not happen, and the others skip.
        for (Replica late : syncedLater) {
            LocalTime lateStart = late.timeOf(line -> line.contains("Hamsa sync plan for "));
            LocalTime firstEnd = wrote.get(0).timeOf(line -> SYNCED.matcher(line).find());
            assertFalse(lateStart.isBefore(firstEnd), () -> "replica " + late.n + " synced while replica "
                    + wrote.get(0).n + " held the lock" + logs());
        }
        assertEquals(REPLICAS.size() - 1, skipped.size() + syncedLater.size());
        assertEquals(List.of(), syncedLater, () -> "started at once, all but one replica skip the sync; skipped: "
                + numbers(skipped) + logs());
    }

    @Test
    @Order(5)
    void withRedisKilled_storeCallsAre503_otherCalls200_healthDown_andBookingRecovers() throws Exception {
        LocalRedis server = redisServer();
        String date = LocalDate.now().plusDays(9).toString();
        server.kill();
        String slot;
        try {
            Answer availability = getWithKey(replica(3), "/tools/check_availability?service_type=repair&start_date=" + date);
            assertEquals(200, availability.status(), () -> "check_availability needs no store: " + availability + logs());
            List<String> slots = slotIds(availability);
            slot = slots.get(slots.size() - 1);

            assertUnavailable(post(replica(1), "/tools/book_appointment", outageToken, booking(slot)), "book_appointment");
            assertUnavailable(post(replica(2), "/tools/generate_account_report", outageToken,
                    "{\"account_id\": \"ACC-5002\", \"report_type\": \"summary\"}"), "generate_account_report");
            assertUnavailable(get(replica(3), "/tools/" + REPORT_STATUS + "?job_id=job-any", outageToken), REPORT_STATUS);

            Answer lookup = post(replica(1), "/tools/lookup_customer", outageToken, "{\"phone_number\": \"+971501234567\"}");
            assertEquals(200, lookup.status(), () -> "lookup_customer needs no store: " + lookup + logs());
            assertEquals("Layla Haddad", lookup.text("name"), lookup::toString);
            Answer order = get(replica(2), "/orders/ORD-10001", outageToken);
            assertEquals(200, order.status(), () -> "get_order_status needs no store: " + order + logs());
            assertTrue(order.header("X-RateLimit-Remaining").isPresent(),
                    () -> "still rate-limited, counted by the replica alone: " + order);

            for (Replica replica : REPLICAS) {
                Answer health = get(replica, "/health", null);
                assertEquals(503, health.status(), () -> "replica " + replica.n + "'s /health with Redis down: " + health
                        + logs());
                assertEquals("DOWN", health.text("status"), health::toString);
            }
        } finally {
            if (!server.running()) {
                server.restart();
            }
        }
        long restartedAt = System.nanoTime();
        Answer booked = null;
        while (System.nanoTime() - restartedAt < Duration.ofSeconds(15).toNanos()) {
            if (get(replica(1), "/health", null).status() == 200) {
                booked = post(replica(1), "/tools/book_appointment", outageToken, booking(slot));
                if (booked.status() == 200) {
                    break;
                }
            }
            Thread.sleep(500);
        }
        Answer recovered = booked;
        double seconds = (System.nanoTime() - restartedAt) / 1e9;
        assertTrue(recovered != null && recovered.status() == 200,
                () -> "booking works again once Redis is back: " + recovered + logs());
        assertTrue(seconds < 10, () -> "booking worked again only after " + seconds + " s" + logs());
        for (Replica replica : REPLICAS) {
            assertEquals(200, get(replica, "/health", null).status(), () -> "replica " + replica.n + " is UP again" + logs());
        }
    }

    @Test
    @Order(6)
    void aJobWhoseReplicaWasKilled_isReportedLostByAnother_withinTheLease() throws Exception {
        Replica victim = replica(3);
        Answer started = post(victim, "/tools/generate_account_report", lostJobToken,
                "{\"account_id\": \"ACC-5001\", \"report_type\": \"detailed\"}");
        assertEquals(202, started.status(), () -> started + logs());
        String statusPath = "/tools/" + REPORT_STATUS + "?job_id=" + started.text("job_id");
        Answer running = get(replica(1), statusPath, lostJobToken);
        assertEquals("running", running.text("status"), () -> "before the kill: " + running + logs());

        victim.process.destroyForcibly();
        long killedAt = System.nanoTime();
        assertTrue(victim.process.waitFor(10, TimeUnit.SECONDS), "replica 3 is dead");

        // Its lease was renewed at most a third of the lease ago; it lapses within one lease of the kill.
        sleepUntil(killedAt + JOB_LEASE.plusMillis(250).toNanos());
        Answer lost = get(replica(1), statusPath, lostJobToken);
        if ("running".equals(lost.text("status"))) {
            Thread.sleep(1000);
            lost = get(replica(2), statusPath, lostJobToken);
        }
        Answer answer = lost;
        double seconds = (System.nanoTime() - killedAt) / 1e9;
        assertEquals(200, answer.status(), () -> answer + logs());
        assertEquals("failed", answer.text("status"),
                () -> "about " + seconds + " s after replica 3 died, its job is reported lost, not running: " + answer
                        + logs());
        assertEquals("UNAVAILABLE", answer.errorCode(), answer::toString);
        String message = answer.body().path("error").path("message").asText();
        assertTrue(message.contains("lost") && message.contains("start the request again"), message);
        assertTrue(seconds < JOB_LEASE.toSeconds() + 2.5, () -> "reported lost only after " + seconds + " s");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static void assertUnavailable(Answer answer, String tool) {
        assertEquals(503, answer.status(), () -> tool + " needs the store, which is down: " + answer + logs());
        assertEquals("UNAVAILABLE", answer.errorCode(), answer::toString);
        String message = answer.body().path("error").path("message").asText();
        assertFalse(message.isBlank(), () -> tool + " answers a sentence: " + answer);
        assertFalse(message.toLowerCase(Locale.ROOT).matches(".*(redis|exception|lettuce).*"),
                () -> tool + "'s sentence is for a caller, not an engineer: " + message);
        assertTrue(answer.header("Retry-After").isPresent(), () -> tool + " says when to try again: " + answer);
    }

    private static String booking(String slotId) {
        String service = switch (slotId.substring(0, 3)) {
            case "CON" -> "consultation";
            case "RPR" -> "repair";
            case "INS" -> "installation";
            default -> "maintenance";
        };
        return "{\"customer_phone\": \"+971501234567\", \"slot_id\": \"" + slotId + "\", \"service_type\": \"" + service
                + "\", \"notes\": \"Booked by ReplicasIT\"}";
    }

    private static List<String> freeSlots(Replica replica) {
        Answer answer = getWithKey(replica, "/tools/check_availability?service_type=repair&start_date="
                + LocalDate.now().plusDays(7));
        assertEquals(200, answer.status(), () -> "check_availability on replica " + replica.n + ": " + answer + logs());
        return slotIds(answer);
    }

    private static List<String> slotIds(Answer availability) {
        List<String> ids = new ArrayList<>();
        availability.body().path("slots").forEach(slot -> ids.add(slot.path("slot_id").asText()));
        assertFalse(ids.isEmpty(), availability::toString);
        return ids;
    }

    /** Polls a job's status until it is {@code wanted}; a 429 (five calls a minute) waits for the next window. */
    private static Answer awaitJob(Replica replica, String path, String token, String wanted, Duration timeout)
            throws InterruptedException {
        long giveUp = System.nanoTime() + timeout.toNanos();
        Answer last;
        do {
            last = get(replica, path, token);
            if (last.status() == 200 && wanted.equals(last.text("status"))) {
                return last;
            }
            if (last.status() == 429) {
                Thread.sleep(Long.parseLong(last.header("Retry-After").orElse("5")) * 1000 + 200);
            } else if (last.status() != 200 || !"running".equals(last.text("status"))) {
                break;
            } else {
                Thread.sleep(1000);
            }
        } while (System.nanoTime() < giveUp);
        throw new AssertionError("replica " + replica.n + " never reported the job " + wanted + ": " + last + logs());
    }

    /** Waits while fewer than ten seconds of the current minute are left, so a round of calls fits in one window. */
    private static void awaitRoomInTheMinute() throws InterruptedException {
        long nowMillis = System.currentTimeMillis();
        long intoMinute = nowMillis % 60_000;
        if (intoMinute > 50_000) {
            Thread.sleep(60_000 - intoMinute + 300);
        }
    }

    private static void sleepUntilEpochSecond(long epochSecond) throws InterruptedException {
        long millis = epochSecond * 1000 + 300 - System.currentTimeMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        }
    }

    private static Replica replica(int n) {
        return REPLICAS.get(n - 1);
    }

    private static LocalRedis redisServer() {
        LocalRedis server = redis;
        assertTrue(server != null, "Redis was started");
        return server;
    }

    private static FakeHamsa hamsa() {
        FakeHamsa fake = hamsa;
        assertTrue(fake != null, "the fake Hamsa was started");
        return fake;
    }

    private static String numbers(List<Replica> replicas) {
        return replicas.stream().map(r -> Integer.toString(r.n)).collect(Collectors.joining(", ", "[", "]"));
    }

    /** The last lines of every replica's log, for a failure message. */
    private static String logs() {
        StringBuilder out = new StringBuilder();
        for (Replica replica : REPLICAS) {
            out.append("\n---- last lines of ").append(replica.logFile).append(" ----\n").append(replica.tail(40));
        }
        return out.toString();
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /** The JVM options of every process: the machine running this has few cores, so no C2 compiler. */
    private static List<String> javaCommand(Map<String, String> properties) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", JAR.toString()));
        return command;
    }

    private static void environment(ProcessBuilder builder) {
        builder.environment().put("TOOLWIRE_AUTH_JWT_SECRET", JWT_SECRET);
        builder.environment().put("TOOLWIRE_AUTH_HEADER_VALUES", HEADER_VALUE);
        builder.environment().put("HAMSA_API_KEY", HAMSA_KEY);
    }

    /** {@code token --tool <tool>... --subject <subject>}, run from the jar in the replicas' environment. */
    private static String token(Map<String, String> properties, String subject, String... tools)
            throws IOException, InterruptedException {
        List<String> command = javaCommand(properties);
        command.add("token");
        for (String tool : tools) {
            command.addAll(List.of("--tool", tool));
        }
        command.addAll(List.of("--subject", subject));
        Path errors = Path.of("target", "replicas-it-token-" + subject + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        environment(builder);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("token --subject " + subject + " did not finish");
        }
        if (process.exitValue() != 0 || !out.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")) {
            throw new AssertionError("token --subject " + subject + " exited " + process.exitValue() + ": " + out + "\n"
                    + Files.readString(errors));
        }
        Files.deleteIfExists(errors);
        return out;
    }

    private static Answer post(Replica replica, String path, String token, String json) {
        return send(replica, json(replica, path, token, json));
    }

    private static CompletableFuture<Answer> postAsync(Replica replica, String path, String token, String json) {
        return HTTP.sendAsync(json(replica, path, token, json).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> Answer.of(replica, response));
    }

    private static HttpRequest.Builder json(Replica replica, String path, String token, String json) {
        return HttpRequest.newBuilder(replica.base.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static Answer get(Replica replica, String path, @Nullable String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(replica.base.resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(replica, request);
    }

    private static Answer getWithKey(Replica replica, String path) {
        return send(replica, HttpRequest.newBuilder(replica.base.resolve(path)).header("X-API-Key", HEADER_VALUE).GET());
    }

    private static Answer send(Replica replica, HttpRequest.Builder request) {
        try {
            return Answer.of(replica, HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException("replica " + replica.n + " did not answer" + logs(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One answer of a replica: its status, its JSON body (or a missing node) and its headers. */
    private record Answer(int replica, int status, JsonNode body, HttpResponse<String> raw) {

        static Answer of(Replica replica, HttpResponse<String> response) {
            JsonNode body;
            try {
                body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            } catch (IOException notJson) {
                body = JSON.getNodeFactory().textNode(response.body());
            }
            return new Answer(replica.n, response.statusCode(), body, response);
        }

        String text(String field) {
            return body.path(field).asText();
        }

        String errorCode() {
            return body.path("error").path("code").asText();
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        @Override
        public String toString() {
            return "replica " + replica + " answered " + status + " " + body
                    + header("Retry-After").map(s -> " (Retry-After: " + s + ")").orElse("");
        }
    }

    /** One {@code java -jar tool-examples.jar} process. */
    private static final class Replica {
        final int n;
        final URI base;
        final Path logFile;
        final Process process;
        final int port;

        private Replica(int n, int port, Path logFile, Process process) {
            this.n = n;
            this.port = port;
            this.base = URI.create("http://127.0.0.1:" + port);
            this.logFile = logFile;
            this.process = process;
        }

        static Replica start(int n, int port, Map<String, String> properties) throws IOException {
            Map<String, String> own = new LinkedHashMap<>(properties);
            own.put("micronaut.server.port", Integer.toString(port));
            Path log = Path.of("target", "replicas-it-" + n + ".log");
            ProcessBuilder builder = new ProcessBuilder(javaCommand(own))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            environment(builder);
            return new Replica(n, port, log, builder.start());
        }

        void awaitListening() throws InterruptedException {
            long giveUp = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < giveUp) {
                if (!process.isAlive()) {
                    fail("replica " + n + " exited with " + process.exitValue() + logs());
                }
                try {
                    new Socket("127.0.0.1", port).close();
                    return;
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            fail("replica " + n + " did not listen on port " + port + " within " + START_TIMEOUT + logs());
        }

        String log() {
            try {
                return Files.readString(logFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String tail(int lines) {
            List<String> all = log().lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }

        /** The time of the first log line that matches. */
        LocalTime timeOf(Predicate<String> line) {
            return log().lines().filter(line).findFirst()
                    .map(LOG_TIME::matcher).filter(Matcher::find).map(m -> LocalTime.parse(m.group(1)))
                    .orElseThrow(() -> new AssertionError("replica " + n + " logged no such line" + logs()));
        }
    }
}
