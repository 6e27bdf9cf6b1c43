package dev.toolwire.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwire.annotations.AuthMode;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the application refuses to start with, and what a start without keys can and cannot do. */
class AuthStartupTest {

    private static ApplicationContext start(String... properties) {
        Map<String, Object> map = new HashMap<>();
        map.put("spec.name", "AuthTools");
        for (int i = 0; i < properties.length; i += 2) {
            map.put(properties[i], properties[i + 1]);
        }
        return ApplicationContext.run(map);
    }

    private static String startFailure(String... properties) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> start(properties).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Test
    void shortSecret_namesTheProperty() {
        String message = startFailure("toolwire.auth.jwt.secret", "too-short");
        assertTrue(message.contains("toolwire.auth.jwt.secret is too short"), message);
        assertTrue(message.contains("at least 32 bytes"), message);
        assertTrue(!message.contains("too-short'") && !message.contains(": too-short"), "the secret is not echoed");
    }

    @Test
    void shortRotatedSecret_namesItsIndex() {
        String message = startFailure("toolwire.auth.jwt.secret", TestTokens.SECRET, "toolwire.auth.jwt.secrets[0]", "short");
        assertTrue(message.contains("toolwire.auth.jwt.secrets[0] is too short"), message);
    }

    @Test
    void requireKeys_withoutAKey_namesBothProperties() {
        String message = startFailure("toolwire.auth.require-keys", "true");
        assertTrue(message.contains("set toolwire.auth.jwt.secret or toolwire.auth.jwt.jwks"), message);
    }

    @Test
    void requireKeys_withoutAHeaderValue_namesTheProperty() {
        String message = startFailure("toolwire.auth.require-keys", "true", "toolwire.auth.jwt.secret", TestTokens.SECRET);
        assertTrue(message.contains("set toolwire.auth.header.values"), message);
    }

    @Test
    void requireKeys_withKeys_starts() {
        try (ApplicationContext context = start("toolwire.auth.require-keys", "true",
                "toolwire.auth.jwt.secret", TestTokens.SECRET, "toolwire.auth.header.values", "k-0123456789abcdef")) {
            assertTrue(context.isRunning());
        }
    }

    @Test
    void aHeaderKeyShorterThan16Bytes_stopsTheStart_butOnlyWarnsInDev() {
        String message = startFailure("toolwire.auth.jwt.secret", TestTokens.SECRET, "toolwire.auth.header.values", "ab");
        assertTrue(message.contains("toolwire.auth.header.values[0] is too short: a header key needs at least 16 bytes"),
                message);
        try (ApplicationContext dev = ApplicationContext.builder("dev").properties(Map.of("toolwire.auth.jwt.secret",
                TestTokens.SECRET, "toolwire.auth.header.values", "ab")).start()) {
            assertTrue(dev.isRunning(), "a local dev start may use a short key, with a warning");
        }
    }

    @Test
    void unknownDefaultMode_namesTheProperty() {
        String message = startFailure("toolwire.auth.default", "basic");
        assertTrue(message.contains("toolwire.auth.default is 'basic'; use jwt, header or none"), message);
    }

    @Test
    void defaultMode_isJwtUnlessConfigured() {
        try (ApplicationContext context = start()) {
            ToolCredentials credentials = context.getBean(ToolCredentials.class);
            assertEquals(AuthMode.JWT, credentials.effectiveMode(AuthMode.DEFAULT));
            assertEquals(AuthMode.NONE, credentials.effectiveMode(AuthMode.NONE));
            assertEquals(AuthMode.HEADER, credentials.effectiveMode(AuthMode.HEADER));
        }
        try (ApplicationContext context = start("toolwire.auth.default", "NONE")) {
            assertEquals(AuthMode.NONE, context.getBean(ToolCredentials.class).effectiveMode(AuthMode.DEFAULT));
            assertEquals(AuthMode.JWT, context.getBean(ToolCredentials.class).effectiveMode(AuthMode.JWT));
        }
    }

    @Test
    void withoutConfiguredKeys_nothingIsMintedOrPublished() {
        try (ApplicationContext context = start()) {
            ToolCredentials credentials = context.getBean(ToolCredentials.class);
            IllegalStateException token = assertThrows(IllegalStateException.class,
                    () -> credentials.issueToken(List.of("*"), Duration.ofHours(1)));
            assertTrue(token.getMessage().contains("toolwire.auth.jwt.secret"), token.getMessage());
            IllegalStateException header = assertThrows(IllegalStateException.class, credentials::headerCredential);
            assertTrue(header.getMessage().contains("toolwire.auth.header.values"), header.getMessage());
        }
    }

    @Test
    void withOnlyPublicKeys_tokensCannotBeSigned() {
        try (ApplicationContext context = start("toolwire.auth.jwt.jwks", "https://keys.example.com/jwks.json")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> context.getBean(ToolCredentials.class).issueToken(List.of("*"), Duration.ofHours(1)));
            assertTrue(e.getMessage().contains("only public keys"), e.getMessage());
        }
    }
}
