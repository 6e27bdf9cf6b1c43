package dev.toolwire.examples.sync;

import dev.toolwire.annotations.AuthMode;
import dev.toolwire.runtime.auth.ToolCredentials;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for the auth branch's credentials, for the sync tests only: tokens are
 * {@code base64url(scope|exp|serial).base64url(HMAC-SHA256)}, really signed and really verified, so
 * the sync's reuse-or-mint decision is exercised. {@code DEFAULT} tools are JWT tools.
 */
@Singleton
@Requires(property = "spec.name", value = "HamsaSyncTest")
final class HmacToolCredentials implements ToolCredentials {

    static final byte[] KEY = "test-signing-key-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);
    private static final AtomicLong SERIAL = new AtomicLong();

    @Override
    public AuthMode effectiveMode(AuthMode declared) {
        return declared == AuthMode.DEFAULT ? AuthMode.JWT : declared;
    }

    @Override
    public String issueToken(Collection<String> toolNames, Duration ttl) {
        return sign(String.join(" ", toolNames), Instant.now().plus(ttl));
    }

    static String sign(String scope, Instant expiry) {
        String payload = scope + "|" + expiry.getEpochSecond() + "|" + SERIAL.incrementAndGet();
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + mac(body);
    }

    @Override
    public boolean accepts(String token, String toolName, Duration remaining) {
        String t = token.startsWith("Bearer ") ? token.substring(7) : token;
        int dot = t.indexOf('.');
        if (dot < 0 || !MessageDigest.isEqual(mac(t.substring(0, dot)).getBytes(StandardCharsets.UTF_8),
                t.substring(dot + 1).getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        String[] parts = new String(Base64.getUrlDecoder().decode(t.substring(0, dot)), StandardCharsets.UTF_8).split("\\|");
        List<String> scope = List.of(parts[0].split(" "));
        Instant expiry = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        return (scope.contains(toolName) || scope.contains("*")) && !Instant.now().plus(remaining).isAfter(expiry);
    }

    @Override
    public HeaderCredential headerCredential() {
        return new HeaderCredential("X-API-Key", "header-secret-value");
    }

    private static String mac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
