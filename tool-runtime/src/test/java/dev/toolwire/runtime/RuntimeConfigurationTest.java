package dev.toolwire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.runtime.sync.SyncConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration defaults and binding, and the entry point's command detection. */
@MicronautTest(startApplication = false)
class RuntimeConfigurationTest {

    @Inject
    HttpConfiguration http;

    @Inject
    ToolwireConfiguration toolwire;

    @Inject
    HamsaConfiguration hamsa;

    @Inject
    SyncConfiguration sync;

    @Test
    void defaults() {
        assertEquals(65536, http.maxBodyBytes());
        assertNull(toolwire.publicUrl());
        assertNull(hamsa.collectionId());
        assertNull(hamsa.apiKey());
        assertEquals(60, hamsa.requestsPerMinute(), "Hamsa allows 100 per minute per key; dashboards share it");
        assertEquals(Duration.ofMinutes(5), hamsa.maxWait());
        assertEquals("auto", hamsa.dialect());
        assertEquals(4, hamsa.maxAttempts());
        assertEquals(Duration.ofSeconds(1), hamsa.backoff());
        assertEquals(50, hamsa.pageSize());
        assertEquals(Duration.ofDays(365), sync.tokenTtl());
        assertEquals(Duration.ofDays(30), sync.tokenMinRemaining());
        assertFalse(sync.onStartup() || sync.prune() || sync.failOnError());
        assertTrue(sync.enabled());
    }

    @Test
    void noSecretIsEverInAConfigurationsToString() {
        String secret = "jwt-secret-0123456789-0123456789-abcdef";
        try (ApplicationContext context = ApplicationContext.run(Map.of("toolwire.auth.jwt.secret", secret,
                "toolwire.auth.jwt.secrets", "older-secret-0123456789-0123456789-abcd",
                "toolwire.auth.header.values", "header-key-0123456789,header-key-abcdefghij"))) {
            String text = context.getBean(JwtConfiguration.class) + " " + context.getBean(HeaderAuthConfiguration.class);
            for (String value : List.of(secret, "older-secret", "header-key-0123456789", "header-key-abcdefghij")) {
                assertFalse(text.contains(value), text);
            }
            assertTrue(text.contains("secret=****") && text.contains("secrets=1 x ****") && text.contains("values=2 x ****"),
                    text);
        }
    }

    @Test
    void theApiKeyIsNeverInToString() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("toolwire.hamsa.api-key", "k-secret-1"))) {
            String text = context.getBean(HamsaConfiguration.class).toString();
            assertFalse(text.contains("k-secret-1"), text);
            assertTrue(text.contains("apiKey=****"), text);
        }
    }

    @Test
    void bindsProperties() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "toolwire.http.max-body-bytes", "1000",
                "toolwire.public-url", "https://tools.example.com",
                "toolwire.hamsa.collection-id", "abc"))) {
            assertEquals(1000, context.getBean(HttpConfiguration.class).maxBodyBytes());
            assertEquals(URI.create("https://tools.example.com"), context.getBean(ToolwireConfiguration.class).publicUrl());
            assertEquals("abc", context.getBean(HamsaConfiguration.class).collectionId());
        }
    }

    @Test
    void commandDetection() {
        assertFalse(Toolwire.isCommand());
        assertFalse(Toolwire.isCommand("--micronaut.server.port=8081"));
        assertTrue(Toolwire.isCommand("tools"));
        assertTrue(Toolwire.isCommand("--help"));
    }

    @Test
    void toolExceptionFactories() {
        assertEquals(404, ToolException.notFound("x").status());
        assertEquals("CONFLICT", ToolException.conflict("x").code());
        ToolException invalid = ToolException.invalidArgument("city", "Unknown city.").withDetail("/units", "bad");
        assertEquals(400, invalid.status());
        assertEquals(2, invalid.details().size());
        assertEquals("city", invalid.details().get(0).path());
        assertEquals(503, ToolException.unavailable("x").status());
    }

    @Test
    void serverPropertyDefaults_fillOnlyWhatIsNotSet() {
        String jfr = "io.netty.jfr.enabled";
        String before = System.getProperty(jfr);
        try {
            System.clearProperty(jfr);
            Toolwire.applyServerPropertyDefaults();
            assertEquals("false", System.getProperty(jfr));

            System.setProperty(jfr, "true");
            Toolwire.applyServerPropertyDefaults();
            assertEquals("true", System.getProperty(jfr));
        } finally {
            if (before == null) {
                System.clearProperty(jfr);
            } else {
                System.setProperty(jfr, before);
            }
        }
    }
}
