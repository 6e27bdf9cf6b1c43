package dev.toolwire.runtime.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.toolwire.runtime.DeduplicationConfiguration;
import dev.toolwire.runtime.JobsConfiguration;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The defaults and the binding of {@code toolwire.jobs.*} and {@code toolwire.deduplication.*}. */
class LimitsConfigurationTest {

    @Test
    void defaults_areTheDocumentedOnes() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertEquals(new JobsConfiguration(1000, 100, 32, 64), context.getBean(JobsConfiguration.class));
            assertEquals(new DeduplicationConfiguration(10000, 1000), context.getBean(DeduplicationConfiguration.class));
        }
    }

    @Test
    void properties_areBound() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "toolwire.jobs.max-entries", 50, "toolwire.jobs.max-per-caller", 5,
                "toolwire.jobs.max-concurrent", 4, "toolwire.jobs.queue-size", 8,
                "toolwire.deduplication.max-entries", 70, "toolwire.deduplication.max-per-caller", 7))) {
            assertEquals(new JobsConfiguration(50, 5, 4, 8), context.getBean(JobsConfiguration.class));
            assertEquals(new DeduplicationConfiguration(70, 7), context.getBean(DeduplicationConfiguration.class));
        }
    }
}
