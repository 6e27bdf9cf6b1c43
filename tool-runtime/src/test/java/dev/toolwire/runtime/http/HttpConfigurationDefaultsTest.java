package dev.toolwire.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.toolwire.runtime.HttpConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The safe defaults every Toolwire application gets, and how the settings bind. */
@MicronautTest(startApplication = false)
class HttpConfigurationDefaultsTest {

    @Inject
    HttpConfiguration http;

    @Test
    void defaults() {
        assertEquals(1000, http.maxConnections());
        assertEquals(Duration.ofSeconds(10), http.headerTimeout());
        assertEquals(List.of(), http.trustedProxies(), "no proxy is believed unless configured");
    }

    @Test
    void binding() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "toolwire.http.max-connections", "250",
                "toolwire.http.header-timeout", "5s",
                "toolwire.http.trusted-proxies", "10.0.0.0/8,fd00::/8"))) {
            HttpConfiguration bound = context.getBean(HttpConfiguration.class);
            assertEquals(250, bound.maxConnections());
            assertEquals(Duration.ofSeconds(5), bound.headerTimeout());
            assertEquals(List.of("10.0.0.0/8", "fd00::/8"), bound.trustedProxies());
        }
    }
}
