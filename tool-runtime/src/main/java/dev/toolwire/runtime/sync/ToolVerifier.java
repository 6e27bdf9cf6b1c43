package dev.toolwire.runtime.sync;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.auth.BearerTokens;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.hamsa.HamsaApiException;
import dev.toolwire.runtime.hamsa.HamsaSession;
import dev.toolwire.runtime.hamsa.RemoteWebTool;
import dev.toolwire.runtime.hamsa.TestOutcome;
import dev.toolwire.runtime.hamsa.WebToolDefinition;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.function.Consumer;

/**
 * {@code sync --verify}: has Hamsa call every tool as published (test-api-tool), with a request the
 * tool refuses before it runs ({@link RefusalRequest}), and the credential Hamsa stores for it.
 * Toolwire's own {@code 400} refusal ({@code INVALID_ARGUMENTS}) proves URL, TLS and credential;
 * {@code 401}/{@code 403} means the published credential is wrong; no answer means the URL is not
 * reachable from outside; a {@code 2xx} means the tool ran, which this check must never cause, and
 * is a failure. The answer's final shape is undocumented, so what it does not say (no status, no body,
 * a credential that could not be sent because Hamsa masks it) is reported as unknown, never guessed as
 * a success.
 */
final class ToolVerifier {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_TIMEOUT_SECONDS = 30;

    private final HamsaSession session;
    private final CredentialResolver credentials;

    ToolVerifier(HamsaSession session, CredentialResolver credentials) {
        this.session = session;
        this.credentials = credentials;
    }

    /**
     * Verifies each tool.
     *
     * @param tools the tools of the code
     * @param published each tool's newest remote version under our URL, by name (absent: not on Hamsa)
     * @param out one line per tool
     * @return the counts
     */
    VerifyReport verify(List<ToolDescriptor> tools, Map<String, RemoteWebTool> published, Consumer<String> out) {
        int reached = 0;
        int unknown = 0;
        int skipped = 0;
        List<String> failures = new ArrayList<>();
        String projectId = null;
        for (ToolDescriptor tool : tools.stream().sorted(Comparator.comparing(ToolDescriptor::name)).toList()) {
            RemoteWebTool remote = published.get(tool.name());
            if (remote == null) {
                failures.add(fail(out, tool.name(), "not on Hamsa under this application's URL; run sync first"));
                continue;
            }
            Optional<RefusalRequest> refusal = RefusalRequest.of(remote.definition());
            if (refusal.isEmpty()) {
                skipped++;
                out.accept("- " + tool.name() + ": not verified: every request this check could send would run the tool");
                continue;
            }
            try {
                projectId = projectId != null ? projectId : session.projectId();
                boolean masked = !MaskedSecrets.credentialsUsable(remote.definition());
                TestOutcome outcome = session.testApiTool(request(projectId, tool, remote.definition(), refusal.get(), masked));
                Verdict verdict = judge(outcome, masked);
                switch (verdict.kind()) {
                    case REACHED -> {
                        reached++;
                        out.accept("\u2713 " + tool.name() + " " + verdict.text());
                    }
                    case UNKNOWN -> {
                        unknown++;
                        out.accept("? " + tool.name() + " " + verdict.text());
                    }
                    default -> failures.add(fail(out, tool.name(), verdict.text()));
                }
            } catch (HamsaApiException e) {
                if (e.isAuthFailure()) {
                    throw DefaultDefinitionSyncService.keyRefused(e);
                }
                failures.add(fail(out, tool.name(), "Hamsa could not test it: " + e.getMessage()));
            }
        }
        return new VerifyReport(reached, failures.size(), unknown, skipped, failures);
    }

    private static String fail(Consumer<String> out, String tool, String why) {
        out.accept("\u2717 " + tool + ": " + why);
        return tool + ": " + why;
    }

    /** What an outcome proves. */
    record Verdict(Kind kind, String text) {
        enum Kind { REACHED, FAILED, UNKNOWN }
    }

    /** The codes a Toolwire tool answers a refused request with: proof that Toolwire answered. */
    private static final Set<String> REFUSALS = Set.of("INVALID_ARGUMENTS", "MALFORMED_REQUEST");

    static Verdict judge(TestOutcome outcome, boolean masked) {
        Integer status = outcome.statusCode();
        String took = outcome.responseTimeMs() == null ? "" : ", " + outcome.responseTimeMs() + " ms";
        if (outcome.error() != null) {
            return new Verdict(Verdict.Kind.FAILED, "not reachable from Hamsa: " + outcome.error());
        }
        if (status == null) {
            return new Verdict(Verdict.Kind.UNKNOWN, "unknown: Hamsa's answer did not say how the call went (events: "
                    + String.join(", ", outcome.events()) + ")");
        }
        if (status == 400 || status == 422) {
            if (outcome.body() == null) {
                return new Verdict(Verdict.Kind.UNKNOWN, "answered " + status + took + ", but Hamsa's answer does not show "
                        + "the body, so Toolwire's refusal cannot be told from another server's");
            }
            if (!REFUSALS.contains(outcome.body().at("/error/code").asText())) {
                return new Verdict(Verdict.Kind.FAILED, "answered " + status + took + ", but not as a Toolwire tool "
                        + "refuses a request: something else answers at the published URL");
            }
            return masked
                    ? new Verdict(Verdict.Kind.UNKNOWN, "reached with a fresh credential (" + status + " as expected" + took
                            + "); Hamsa answers the stored one masked, so it was not checked")
                    : new Verdict(Verdict.Kind.REACHED, "reached, credentials accepted (" + status + " as expected" + took + ")");
        }
        if (status == 401 || status == 403) {
            return new Verdict(Verdict.Kind.FAILED, "reached, but the published credential was refused (" + status + took
                    + "): sync with the signing key or header value the server uses, or sync --rotate-credentials");
        }
        if (status == 404) {
            return new Verdict(Verdict.Kind.FAILED, "reached, but no tool answers at the published URL (404" + took
                    + "): check toolwire.public-url");
        }
        if (status < 300) {
            return new Verdict(Verdict.Kind.FAILED, "THE TOOL RAN (" + status + took + "): the server behind the URL "
                    + "accepted a request this check expected it to refuse; it may not serve what the code declares");
        }
        return new Verdict(Verdict.Kind.FAILED, "reached, but it answered " + status + took);
    }

    private ObjectNode request(String projectId, ToolDescriptor tool, WebToolDefinition remote, RefusalRequest refusal,
            boolean masked) {
        ObjectNode request = NODES.objectNode();
        request.put("projectId", projectId);
        request.put("serverUrl", url(remote.serverUrl(), refusal.pathValues()));
        request.put("method", remote.methodType().isEmpty() ? tool.method().name() : remote.methodType());
        request.put("timeout", Math.max(1, Math.min(tool.timeoutSeconds(), MAX_TIMEOUT_SECONDS)));
        CredentialResolver.Auth fresh = masked ? credentials.resolve(tool) : null;
        String token = fresh != null ? fresh.authToken() : remote.authToken();
        if (token != null) {
            String bare = BearerTokens.token(token);
            if (bare != null) {
                request.put("authPrefix", "Bearer");
            }
            request.put("authToken", bare != null ? bare : token);
        }
        Map<String, String> headers = fresh != null ? fresh.httpHeaders() : remote.httpHeaders();
        if (headers != null && !headers.isEmpty()) {
            ObjectNode sent = request.putObject("httpHeaders");
            headers.forEach(sent::put);
        }
        return request;
    }

    /** The published URL with each whole-segment {@code :x} placeholder filled. */
    static String url(String serverUrl, Map<String, String> pathValues) {
        return RefusalRequest.PLACEHOLDER.matcher(serverUrl).replaceAll(m -> Matcher.quoteReplacement(
                URLEncoder.encode(pathValues.getOrDefault(m.group(1), RefusalRequest.VALUE), StandardCharsets.UTF_8)));
    }
}
