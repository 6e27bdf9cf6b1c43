package dev.toolwire.runtime.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import dev.toolwire.annotations.AuthMode;
import dev.toolwire.runtime.HeaderAuthConfiguration;
import dev.toolwire.runtime.ToolInfo;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates each call by the tool's effective mode: a bearer JWT with the tool in scope, a
 * shared-secret header, or nothing. The caller learns only that its credentials were refused; why
 * (expired, bad signature, wrong audience, ...) is logged at DEBUG, without the credential. An
 * application's own {@link ToolAuthenticator} bean takes its place (it is {@code @Secondary}).
 */
@Singleton
@Secondary
@Named(ToolAuthenticator.BUILT_IN)
@Internal
public final class DefaultToolAuthenticator implements ToolAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultToolAuthenticator.class);
    private static final String REALM = "realm=\"toolwire\"";
    private static final String BEARER = "Bearer " + REALM;
    private static final String INVALID_TOKEN = BEARER + ", error=\"invalid_token\"";
    private static final String INSUFFICIENT_SCOPE = BEARER + ", error=\"insufficient_scope\"";

    private final JwtVerifier verifier;
    private final HeaderKeyCheck headerCheck;
    private final String headerName;
    private final String headerChallenge;

    DefaultToolAuthenticator(
            JwtVerifier verifier, AuthKeys keys, HeaderAuthConfiguration header) {
        this.verifier = verifier;
        this.headerCheck = new HeaderKeyCheck(keys.headerValues());
        this.headerName = header.name();
        this.headerChallenge = "ApiKey " + REALM + ", header=\"" + header.name() + "\"";
    }

    @Override
    public AuthenticatedCaller authenticate(HttpRequest<?> request, ToolInfo tool) {
        switch (tool.auth()) {
            case JWT:
                return bearer(request, tool.name());
            case HEADER:
                return header(request, tool.name());
            default:
                return new AuthenticatedCaller(null, "address:" + remoteAddress(request));
        }
    }

    @Override
    public boolean mayBlock(HttpRequest<?> request, ToolInfo tool) {
        if (!verifier.fetchesKeys() || tool.auth() != AuthMode.JWT) {
            return false;
        }
        String token = BearerTokens.token(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        return token != null && !verifier.knows(token);
    }

    private AuthenticatedCaller bearer(HttpRequest<?> request, String toolName) {
        List<String> values = request.getHeaders().getAll(HttpHeaders.AUTHORIZATION);
        if (values.isEmpty()) {
            LOG.debug("Call to {} refused: no Authorization header", toolName);
            throw ToolAuthenticationException.unauthorized(BEARER, "no_credentials");
        }
        String token = BearerTokens.token(values.get(0));
        if (values.size() > 1 || token == null) {
            LOG.debug("Call to {} refused: the Authorization header is not one bearer token", toolName);
            throw ToolAuthenticationException.unauthorized(INVALID_TOKEN, "not_one_bearer_token");
        }
        VerifiedToken verified;
        try {
            verified = verifier.verify(token);
        } catch (BadJOSEException | ParseException e) {
            LOG.debug("Call to {} refused: bearer token rejected: {}", toolName, e.getMessage());
            throw ToolAuthenticationException.unauthorized(INVALID_TOKEN, TokenRefusals.reason(e));
        } catch (JOSEException e) {
            // DEBUG like every other refusal: anyone can send a token no key can check (e.g. HS512 against
            // a 32-byte secret), and a line per request at WARN would let them fill the log.
            LOG.debug("Call to {} refused: no key could check its token ({})", toolName, e.getMessage());
            throw ToolAuthenticationException.unauthorized(INVALID_TOKEN, TokenRefusals.reason(e));
        }
        if (!verified.scope().allows(toolName)) {
            LOG.debug("Call to {} refused: token scope {} does not include it", toolName, verified.scope().scopes());
            throw ToolAuthenticationException.forbidden(INSUFFICIENT_SCOPE, "out_of_scope", verified.subject());
        }
        String subject = verified.subject();
        return new AuthenticatedCaller(subject, subject != null ? "sub:" + subject : "token:" + Fingerprints.key(token));
    }

    private AuthenticatedCaller header(HttpRequest<?> request, String toolName) {
        List<String> values = request.getHeaders().getAll(headerName);
        if (values.size() != 1) {
            LOG.debug("Call to {} refused: {} {} header values", toolName, values.size(), headerName);
            throw ToolAuthenticationException.unauthorized(headerChallenge,
                    values.isEmpty() ? "no_credentials" : "several_header_values");
        }
        OptionalInt match = headerCheck.match(values.get(0));
        if (match.isEmpty()) {
            LOG.debug("Call to {} refused: the {} value is not an accepted one", toolName, headerName);
            throw ToolAuthenticationException.unauthorized(headerChallenge, "unknown_header_value");
        }
        String subject = "api-key#" + (match.getAsInt() + 1);
        return new AuthenticatedCaller(subject, subject);
    }

    private static String remoteAddress(HttpRequest<?> request) {
        InetSocketAddress address = request.getRemoteAddress();
        return address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress().toLowerCase(Locale.ROOT);
    }
}
