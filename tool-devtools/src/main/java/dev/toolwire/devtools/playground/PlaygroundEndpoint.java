package dev.toolwire.devtools.playground;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.ToolException;
import dev.toolwire.runtime.auth.LocalCredentials;
import dev.toolwire.runtime.auth.ToolCredentials;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.http.ToolResponses;
import dev.toolwire.runtime.invoke.DefaultToolRegistry;
import dev.toolwire.runtime.invoke.RegisteredTool;
import dev.toolwire.runtime.invoke.ToolFailures;
import io.micronaut.context.annotation.Executable;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Serves the playground: its page, script and style from {@code META-INF/toolwire/playground/},
 * and {@code tools}, the descriptors without their internals plus a short-lived token for every tool
 * (and the header value), signed by this process. Only requests made on this machine are answered
 * unless {@code toolwire.playground.allow-remote} (see {@link PlaygroundAccess}); others get
 * {@code 403 FORBIDDEN} in the error envelope. The token is never logged.
 */
@Singleton
@Internal
public final class PlaygroundEndpoint {

    private static final String RESOURCES = "META-INF/toolwire/playground/";
    private static final Duration TOKEN_TTL = Duration.ofMinutes(15);
    private static final String SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final DefaultToolRegistry registry;
    private final LocalCredentials local;
    private final PlaygroundAccess access;
    private final ToolResponses responses;

    PlaygroundEndpoint(DefaultToolRegistry registry, LocalCredentials local,
            PlaygroundAccess access, ToolResponses responses) {
        this.responses = responses;
        this.registry = registry;
        this.local = local;
        this.access = access;
    }

    boolean allowsRemote() {
        return access.allowsRemote();
    }

    /**
     * The page.
     *
     * @param request the request
     * @return the HTML
     */
    @Executable
    public HttpResponse<?> page(HttpRequest<?> request) {
        return resource(request, "index.html", MediaType.TEXT_HTML_TYPE);
    }

    /**
     * The page's script.
     *
     * @param request the request
     * @return the JavaScript
     */
    @Executable
    public HttpResponse<?> script(HttpRequest<?> request) {
        return resource(request, "playground.js", MediaType.of("text/javascript"));
    }

    /**
     * The page's style sheet.
     *
     * @param request the request
     * @return the CSS
     */
    @Executable
    public HttpResponse<?> style(HttpRequest<?> request) {
        return resource(request, "playground.css", MediaType.of("text/css"));
    }

    /**
     * The tools as the page needs them, and credentials to call them.
     *
     * @param request the request
     * @return {@code {tools: [...], credentials: {token, header: {name, value}}}}
     */
    @Executable
    public HttpResponse<?> tools(HttpRequest<?> request) {
        if (!access.allows(request)) {
            return refused();
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode tools = body.putArray("tools");
        for (RegisteredTool tool : registry.all()) {
            tools.add(summary(tool));
        }
        ObjectNode secrets = body.putObject("credentials");
        try {
            secrets.put("token", local.token("playground", List.of("*"), TOKEN_TTL));
            secrets.put("tokenExpiresInSeconds", TOKEN_TTL.toSeconds());
        } catch (IllegalStateException onlyPublicKeys) {
            secrets.putNull("token");
        }
        ToolCredentials.HeaderCredential header = local.header();
        secrets.putObject("header").put("name", header.name()).put("value", header.value());
        return secured(HttpResponse.ok(body.toString()).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    private static ObjectNode summary(RegisteredTool tool) {
        ObjectNode summary = Json.MAPPER.createObjectNode()
                .put("name", tool.name())
                .put("description", tool.description())
                .put("method", tool.httpMethod().name())
                .put("path", tool.path())
                .put("auth", tool.auth().name().toLowerCase(Locale.ROOT))
                .put("async", tool.async());
        summary.set("params", tool.descriptor().params().deepCopy());
        return summary;
    }

    private HttpResponse<?> resource(HttpRequest<?> request, String name, MediaType type) {
        if (!access.allows(request)) {
            return refused();
        }
        try (InputStream in = PlaygroundEndpoint.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                return HttpResponse.notFound();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return secured(HttpResponse.ok(text).contentType(type));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the playground's " + name, e);
        }
    }

    /** The refusal of a request from elsewhere: the envelope, which names no setting. */
    private HttpResponse<?> refused() {
        String requestId = UUID.randomUUID().toString();
        return secured(responses.of(new ToolException(403, ToolFailures.FORBIDDEN,
                "The playground only answers requests made on this machine."), requestId)).header("X-Request-Id", requestId);
    }

    private static MutableHttpResponse<?> secured(MutableHttpResponse<?> response) {
        return response.header("Content-Security-Policy", SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
    }
}
