package dev.toolwire.runtime.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.toolwire.runtime.RateLimitConfiguration;
import dev.toolwire.runtime.store.RetryMemory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code toolwire.store} is checked at start-up, and a service that keeps shared state in memory
 * while something says it runs as several replicas is warned about it.
 */
class StoreSelectionTest {

    @Test
    void aMisspeltStore_stopsTheStart() {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(Map.of("toolwire.store", "reddis")).close());
        assertTrue(messages(failure).contains("toolwire.store must be 'memory' or 'redis', not 'reddis'."), messages(failure));
    }

    @Test
    void redisWithoutTheModule_stopsTheStart() {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(Map.of("toolwire.store", "redis")).close());
        assertTrue(messages(failure).contains("toolwire.store=redis needs the tool-redis module"), messages(failure));
    }

    @Test
    void memoryWithRetrySafeAndJobTools_inKubernetes_warnsOnce() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(SingleReplicaWarning.class);
        logger.addAppender(logs);
        try (ApplicationContext context = ApplicationContext.run(Map.of("spec.name", "JobsAndRetriesTest"))) {
            SingleReplicaWarning inKubernetes = new SingleReplicaWarning(context.getBean(DefaultToolRegistry.class),
                    context.getBean(RetryMemory.class), new RateLimitConfiguration(true, 10, 10),
                    context.getBean(Environment.class), false, name -> name.equals("KUBERNETES_SERVICE_HOST") ? "10.0.0.1" : null);
            inKubernetes.onApplicationEvent(null);
            SingleReplicaWarning alone = new SingleReplicaWarning(context.getBean(DefaultToolRegistry.class),
                    context.getBean(RetryMemory.class), new RateLimitConfiguration(true, 10, 10),
                    context.getBean(Environment.class), false, name -> null);
            alone.onApplicationEvent(null);
        } finally {
            logger.detachAppender(logs);
        }
        List<String> warnings = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(1, warnings.size(), "one warning, from the replica in Kubernetes only: " + warnings);
        String warning = warnings.get(0);
        assertTrue(warning.startsWith("Several replicas seem to run this service (running in Kubernetes), but this"
                + " process keeps the jobs of "), warning);
        assertTrue(warning.contains("the retry memory of create_batch"), warning);
        assertTrue(warning.contains("the rate limit's counts"), warning);
        assertTrue(warning.endsWith("Set toolwire.store=redis and redis.uri (README, \"Running several replicas\")."), warning);
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
