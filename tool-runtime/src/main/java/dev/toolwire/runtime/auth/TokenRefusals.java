package dev.toolwire.runtime.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import java.text.ParseException;

/**
 * Names why a bearer token was refused, for the access log: {@code expired}, {@code not_yet_valid},
 * {@code wrong_issuer}, {@code wrong_audience}, {@code missing_claims}, {@code bad_claims},
 * {@code bad_signature}, {@code unknown_key} (no configured key for its algorithm or key id),
 * {@code unsigned}, {@code malformed}, {@code key_unavailable} (no key could check it, e.g. the
 * JWKS is out of reach) or {@code rejected}. Nimbus tells these apart by exception type where it has
 * one and otherwise only by its message, which this reads; an unknown message is {@code rejected}.
 */
final class TokenRefusals {

    private TokenRefusals() {}

    static String reason(Exception refusal) {
        if (refusal instanceof ExpiredJWTException) {
            return "expired";
        }
        if (refusal instanceof ParseException) {
            return "malformed";
        }
        if (refusal instanceof BadJWSException) {
            return "bad_signature";
        }
        String message = String.valueOf(refusal.getMessage());
        if (refusal instanceof BadJWTException) {
            if (message.startsWith("JWT before use time")) {
                return "not_yet_valid";
            }
            if (message.contains("iss claim")) {
                return "wrong_issuer";
            }
            if (message.contains("aud claim")) {
                return "wrong_audience";
            }
            return message.contains("missing required") ? "missing_claims" : "bad_claims";
        }
        if (refusal instanceof JOSEException) {
            return "key_unavailable";
        }
        if (message.contains("no matching key")) {
            return "unknown_key";
        }
        return message.contains("Unsecured") || message.startsWith("Plain JWT") ? "unsigned" : "rejected";
    }
}
