package dev.toolwire.runtime.auth;

import static dev.toolwire.runtime.auth.AuthCalls.bearer;
import static dev.toolwire.runtime.auth.AuthCalls.lookupCustomer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Nobody can write a WARN per request: a garbage token whose header asks for HS512 against a secret of
 * 32 to 63 bytes (too short for HS512, so no key can check it) is refused like any bad token, at DEBUG.
 */
@MicronautTest
@Property(name = "spec.name", value = "AuthTools")
@Property(name = "toolwire.auth.jwt.secret", value = "forty-byte-secret-0123456789-abcdefghijk")
class InvalidTokenLoggingTest {

    @Inject
    @Client("/")
    HttpClient client;

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTokenNoKeyCanCheck_isRefusedQuietly() {
        Logger toolwire = (Logger) LoggerFactory.getLogger("dev.toolwire");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        toolwire.addAppender(logs);
        String garbage = part("{\"alg\":\"HS512\"}") + "." + part("{\"sub\":\"x\"}") + "." + part("signature");
        try {
            for (int i = 0; i < 5; i++) {
                assertEquals(401, bearer(client, lookupCustomer(), garbage).status());
            }
        } finally {
            toolwire.detachAppender(logs);
        }
        assertEquals(List.of(), logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList());
    }
}
