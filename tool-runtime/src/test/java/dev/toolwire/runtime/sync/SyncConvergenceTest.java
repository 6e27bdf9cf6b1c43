package dev.toolwire.runtime.sync;

import static dev.toolwire.runtime.Polling.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.testing.FakeHamsa;
import dev.toolwire.testing.FakeHamsa.Dialect;
import dev.toolwire.testing.RecordedRequest;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Syncs that run at the same moment (replicas starting together) end with exactly one live tool per
 * name: after its writes each lists again, keeps the oldest copy of each of the code's tools under its
 * URL and deactivates the others, and says so. In each dialect of Hamsa's API.
 */
class SyncConvergenceTest {

    private static final String PUBLIC_URL = "https://voice.example.org/api";
    private static final List<String> NAMES = List.of("header_tool", "jwt_tool", "open_tool");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final FakeHamsa HAMSA = FakeHamsa.start("convergence-key");
    private static final FakeHamsa GUIDE = FakeHamsa.start("convergence-key", Dialect.GUIDE);

    /** What one replica's sync did: its result and its progress lines. */
    record Run(SyncResult result, List<String> progress) {

        List<String> duplicateLines() {
            return progress.stream().filter(line -> line.contains("duplicate deactivated")).toList();
        }
    }

    @BeforeEach
    void reset() {
        HAMSA.reset();
        GUIDE.reset();
    }

    @AfterAll
    static void stop() {
        HAMSA.close();
        GUIDE.close();
    }

    private static FakeHamsa fake(Dialect dialect) {
        return dialect == Dialect.GUIDE ? GUIDE : HAMSA;
    }

    /** A replica: the same code and configuration as every other, its own client and sessions. */
    private static ApplicationContext replica(FakeHamsa fake, String... extra) {
        Map<String, Object> p = new HashMap<>(Map.of(
                "spec.name", "SyncAuthModesTest",
                "toolwire.public-url", PUBLIC_URL,
                "toolwire.hamsa.base-url", fake.url().toString(),
                "toolwire.hamsa.api-key", "convergence-key",
                "toolwire.hamsa.requests-per-minute", "60000",
                "toolwire.hamsa.backoff", "5ms",
                "toolwire.hamsa.health-check-interval", "0s",
                "toolwire.auth.jwt.secret", "sync-convergence-test-secret-0123456789abcdef",
                "toolwire.auth.header.values", "fixture-header-value"));
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return ApplicationContext.run(p);
    }

    private static Run sync(ApplicationContext context) {
        DefinitionSyncService service = context.getBean(DefinitionSyncService.class);
        List<String> progress = new ArrayList<>();
        SyncResult result = service.apply(service.plan(false), progress::add);
        return new Run(result, progress);
    }

    /**
     * Three replicas sync at once: each plans (lists, finds every tool missing) before any applies, as
     * replicas starting together do. {@code onceAllPlanned} runs when all three have planned.
     */
    private static List<Run> threeReplicas(FakeHamsa fake, Runnable onceAllPlanned) throws Exception {
        List<ApplicationContext> replicas = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            for (int i = 0; i < 3; i++) {
                replicas.add(replica(fake));
            }
            CyclicBarrier planned = new CyclicBarrier(3, onceAllPlanned);
            List<Future<Run>> runs = new ArrayList<>();
            for (ApplicationContext context : replicas) {
                runs.add(threads.submit(() -> {
                    DefinitionSyncService service = context.getBean(DefinitionSyncService.class);
                    SyncPlan plan = service.plan(false);
                    assertEquals(3, plan.count(SyncPlan.Action.CREATE), "every replica finds every tool missing");
                    planned.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                    List<String> progress = new CopyOnWriteArrayList<>();
                    return new Run(service.apply(plan, progress::add), progress);
                }));
            }
            List<Run> results = new ArrayList<>();
            for (Future<Run> run : runs) {
                results.add(run.get(WAIT.toSeconds() * 2, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
            replicas.forEach(ApplicationContext::close);
        }
    }

    private static List<ObjectNode> copies(FakeHamsa fake, String name) {
        return fake.tools().stream().filter(t -> t.path("name").asText().equals(name)).toList();
    }

    private static List<ObjectNode> live(FakeHamsa fake, String name) {
        return copies(fake, name).stream().filter(t -> t.path("isActive").asBoolean()).toList();
    }

    private static Set<String> ids(List<ObjectNode> tools) {
        return tools.stream().map(t -> t.path("id").asText()).collect(Collectors.toSet());
    }

    /** A create body of a copy of open_tool made by hand (another description), under {@code url}, in the fake's dialect. */
    private static String handMade(FakeHamsa fake, String url) {
        String body = fake.dialect() == Dialect.GUIDE
                ? "{'name':'open_tool','description':'Made by hand.','async':false,'methodType':'POST','url':'" + url
                        + "','authType':'none','parameters':{'type':'object','properties':{}},'messages':[],'timeoutSeconds':5}"
                : "{'type':'FUNCTION','name':'open_tool','description':'Made by hand.','async':false,"
                        + "'params':{'type':'object','properties':{}},'messages':[],"
                        + "'toolSettings':{'serverUrl':'" + url + "','methodType':'POST','timeOut':5}}";
        return body.replace('\'', '"');
    }

    private static List<RecordedRequest> toggles(FakeHamsa fake) {
        return fake.requests().stream().filter(r -> r.path().endsWith("/toggle-activation")).toList();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void threeReplicasSyncingAtOnce_endWithOneLiveToolPerName_theOldest(Dialect dialect) throws Exception {
        FakeHamsa fake = fake(dialect);
        List<Run> runs = threeReplicas(fake, () -> { });

        Set<String> reported = new HashSet<>();
        for (Run run : runs) {
            assertEquals(0, run.result().failed(), run.result().failures().toString());
            assertEquals(3, run.result().created());
            assertEquals(run.result().duplicatesDeactivated(), run.duplicateLines().size(), run.progress().toString());
            run.result().duplicates().forEach(d -> reported.add(d.id()));
        }
        Set<String> inactive = new HashSet<>();
        for (String name : NAMES) {
            List<ObjectNode> copies = copies(fake, name);
            assertEquals(3, copies.size(), "each replica created " + name);
            List<ObjectNode> live = live(fake, name);
            assertEquals(1, live.size(), name + ": " + copies);
            ObjectNode oldest = copies.stream().min(Comparator.comparing(t -> Instant.parse(t.path("createdAt").asText())))
                    .orElseThrow();
            assertEquals(oldest.path("id").asText(), live.get(0).path("id").asText(), name + ": the oldest copy is kept");
            copies.stream().filter(t -> !t.path("isActive").asBoolean()).forEach(t -> inactive.add(t.path("id").asText()));
        }
        assertEquals(inactive, reported, "every copy deactivated was reported by the run that deactivated it");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void threeReplicasThatEachListAgainAfterEveryCreate_allKeepTheSameCopies_andEachSaysWhatItDeactivated(Dialect dialect)
            throws Exception {
        FakeHamsa fake = fake(dialect);
        // Once every replica has planned, lists wait until all nine creates are done: each replica then sees
        // every copy still live when it lists again (some may already be deactivated by a faster replica).
        List<Run> runs = threeReplicas(fake, () -> fake.beforeList(
                () -> assertTrue(eventually(() -> fake.versionCount() >= 9, WAIT), "the creates never finished")));

        Set<String> kept = new HashSet<>();
        for (String name : NAMES) {
            assertEquals(1, live(fake, name).size(), name + ": " + copies(fake, name));
            kept.add(live(fake, name).get(0).path("id").asText());
        }
        Set<String> losers = new HashSet<>(ids(fake.tools()));
        losers.removeAll(kept);
        assertEquals(6, losers.size());
        Set<String> reported = new HashSet<>();
        for (Run run : runs) {
            SyncResult result = run.result();
            assertEquals(0, result.failed(), result.failures().toString());
            assertEquals(0, result.updated(), "the copies kept are what every replica would publish");
            Set<String> deactivated = result.duplicates().stream().map(SyncResult.Duplicate::id).collect(Collectors.toSet());
            assertTrue(losers.containsAll(deactivated), "a run deactivates only copies that are not kept: " + run.progress());
            assertTrue(kept.containsAll(result.duplicates().stream().map(SyncResult.Duplicate::keptId).toList()),
                    "every run keeps the same copies: the choice depends only on Hamsa's answers");
            reported.addAll(deactivated);
            assertEquals(result.duplicatesDeactivated(), run.duplicateLines().size(), run.progress().toString());
            for (String line : run.duplicateLines()) {
                assertTrue(line.matches("- \\w+: duplicate deactivated \\(id [^,]+, a second live copy "
                        + "under this URL; the oldest, id [^,]+, stays live\\)"), line);
            }
            assertEquals("3 created, 0 updated, 0 unchanged, 0 deactivated, "
                    + (deactivated.isEmpty() ? "" : deactivated.size() + " duplicates deactivated, ") + "0 failed",
                    result.summary());
        }
        assertEquals(losers, reported, "every copy not kept was deactivated, and said so");

        fake.beforeList(null);
        int before = fake.requests().size();
        try (ApplicationContext context = replica(fake)) {
            DefinitionSyncService service = context.getBean(DefinitionSyncService.class);
            SyncPlan plan = service.plan(false);
            assertEquals(3, plan.count(SyncPlan.Action.UNCHANGED));
            assertFalse(plan.hasWrites());
            int planned = fake.requests().size();
            SyncResult again = service.apply(plan, line -> { });
            assertEquals("0 created, 0 updated, 3 unchanged, 0 deactivated, 0 failed", again.summary());
            assertEquals(planned, fake.requests().size(), "a sync with nothing to do sends nothing after its list");
            assertTrue(planned > before);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void twoLiveCopiesAlreadyThere_theOldestByCreatedAtIsKept_notTheFirstListed(Dialect dialect) {
        FakeHamsa fake = fake(dialect);
        String url = PUBLIC_URL + "/tools/open_tool";
        ObjectNode first = fake.seed(handMade(fake, url));
        ObjectNode second = fake.seed(handMade(fake, url));
        // The first one listed (and seeded) says it was created later.
        fake.corrupt("open_tool", "createdAt", "\"2999-01-01T00:00:00Z\"");

        try (ApplicationContext context = replica(fake)) {
            DefinitionSyncService service = context.getBean(DefinitionSyncService.class);
            SyncPlan plan = service.plan(false);
            assertTrue(plan.notes().stream().anyMatch(n -> n.startsWith("open_tool has 2 live copies under this URL")),
                    plan.notes().toString());
            SyncResult.Applied updated = null;
            List<String> progress = new ArrayList<>();
            SyncResult result = service.apply(plan, progress::add);
            for (SyncResult.Applied applied : result.applied()) {
                updated = applied.name().equals("open_tool") ? applied : updated;
            }

            assertEquals(0, result.failed(), result.failures().toString());
            assertEquals(SyncPlan.Action.UPDATE, updated.action(), "the twin is the oldest copy, updated to the code");
            assertEquals(List.of(new SyncResult.Duplicate("open_tool", first.path("id").asText(), updated.id())),
                    result.duplicates());
            List<ObjectNode> live = live(fake, "open_tool");
            assertEquals(1, live.size());
            assertEquals(second.path("persistentId").asText(), live.get(0).path("persistentId").asText());
            assertEquals("Open to anyone.", live.get(0).path("description").asText());
            assertTrue(progress.contains("- open_tool: duplicate deactivated (id " + first.path("id").asText()
                    + ", a second live copy under this URL; the oldest, id " + updated.id() + ", stays live)"), progress.toString());
            assertTrue(result.summary().contains(", 1 duplicates deactivated, 0 failed"), result.summary());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void copiesWithoutCreatedAt_theLowestPersistentIdIsKept(Dialect dialect) {
        FakeHamsa fake = fake(dialect).omitCreatedAt(true);
        String url = PUBLIC_URL + "/tools/open_tool";
        List<String> persistentIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            persistentIds.add(fake.seed(handMade(fake, url)).path("persistentId").asText());
        }

        try (ApplicationContext context = replica(fake)) {
            Run run = sync(context);

            assertEquals(0, run.result().failed(), run.result().failures().toString());
            assertEquals(2, run.result().duplicatesDeactivated(), run.progress().toString());
            List<ObjectNode> live = live(fake, "open_tool");
            assertEquals(1, live.size());
            assertEquals(Collections.min(persistentIds), live.get(0).path("persistentId").asText());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aCopyUnderAnotherUrl_isNeverTouched_evenWhenItIsTheOldest(Dialect dialect) {
        FakeHamsa fake = fake(dialect);
        ObjectNode elsewhere = fake.seed(handMade(fake, "https://other-app.example.net/tools/open_tool"));
        fake.seed(handMade(fake, PUBLIC_URL + "/tools/open_tool"));
        fake.seed(handMade(fake, PUBLIC_URL + "/tools/open_tool"));

        try (ApplicationContext context = replica(fake)) {
            Run run = sync(context);

            assertEquals(0, run.result().failed(), run.result().failures().toString());
            assertEquals(1, run.result().duplicatesDeactivated(), run.progress().toString());
            String otherId = elsewhere.path("id").asText();
            List<ObjectNode> live = live(fake, "open_tool");
            assertEquals(2, live.size(), "one of ours, and the other application's");
            assertTrue(ids(live).contains(otherId));
            assertEquals(List.of(elsewhere), fake.versions("open_tool").stream()
                    .filter(t -> t.path("persistentId").equals(elsewhere.path("persistentId"))).toList(), "never written to");
            assertTrue(fake.requests().stream().noneMatch(r -> r.path().contains(otherId)
                    || r.body() != null && r.body().toString().contains(otherId)), "no request names it");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aListThatCannotBeReadAgain_isAFailure_andNothingIsDeactivated(Dialect dialect) {
        FakeHamsa fake = fake(dialect);
        try (ApplicationContext context = replica(fake, "toolwire.hamsa.max-attempts", "1")) {
            assertEquals(0, sync(context).result().failed());
            fake.seed(handMade(fake, PUBLIC_URL + "/tools/open_tool"));
            DefinitionSyncService service = context.getBean(DefinitionSyncService.class);
            SyncPlan plan = service.plan(false);
            assertEquals(3, plan.count(SyncPlan.Action.UNCHANGED), "the older copy is the twin, as the code has it");
            assertTrue(plan.hasWrites(), "a second live copy is something to write");

            fake.failNext(1, 503);
            List<String> progress = new ArrayList<>();
            SyncResult result = service.apply(plan, progress::add);

            assertEquals(1, result.failed(), progress.toString());
            assertTrue(result.failures().get(0).startsWith("duplicates not checked: the web tools could not be listed "
                    + "again after the writes ("), result.failures().get(0));
            assertTrue(result.failures().get(0).endsWith("); nothing was deactivated, the next sync checks again"),
                    result.failures().get(0));
            assertEquals(List.of("! " + result.failures().get(0)), progress);
            assertEquals(0, result.duplicatesDeactivated());
            assertEquals(2, live(fake, "open_tool").size());
            assertEquals(List.of(), toggles(fake));
            assertEquals(1, result.exitCode());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anOlderCopyAnotherRunMade_isKept_andUpdatedToTheCode_whileThisRunsCopyIsDeactivated(Dialect dialect) {
        FakeHamsa fake = fake(dialect);
        try (ApplicationContext context = replica(fake)) {
            DefinitionSyncService service = context.getBean(DefinitionSyncService.class);
            SyncPlan plan = service.plan(false);
            assertEquals(3, plan.count(SyncPlan.Action.CREATE));
            // Between this run's list and its creates, another run (of an older build) created open_tool first.
            ObjectNode other = fake.seed(handMade(fake, PUBLIC_URL + "/tools/open_tool"));
            fake.corrupt("open_tool", "createdAt", "\"2020-01-01T00:00:00Z\"");
            List<String> progress = new ArrayList<>();
            SyncResult result = service.apply(plan, progress::add);

            assertEquals(0, result.failed(), result.failures().toString());
            assertEquals(3, result.created());
            assertEquals(1, result.updated(), progress.toString());
            String mine = result.applied().stream().filter(a -> a.name().equals("open_tool")
                    && a.action() == SyncPlan.Action.CREATE).findFirst().orElseThrow().id();
            assertEquals(List.of(new SyncResult.Duplicate("open_tool", mine, other.path("id").asText())), result.duplicates());
            List<ObjectNode> live = live(fake, "open_tool");
            assertEquals(1, live.size());
            assertEquals(other.path("persistentId").asText(), live.get(0).path("persistentId").asText());
            assertEquals(2, live.get(0).path("version").asInt(), "the copy kept was updated");
            assertEquals("Open to anyone.", live.get(0).path("description").asText());
            assertTrue(progress.contains("~ open_tool: the copy kept (id " + other.path("id").asText()
                    + ") was not written by this run and differs from the code"), progress.toString());

            SyncPlan again = service.plan(false);
            assertEquals(3, again.count(SyncPlan.Action.UNCHANGED), "converged: a second sync has nothing to do");
            assertFalse(again.hasWrites());
        }
    }
}
