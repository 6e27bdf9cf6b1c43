package dev.toolwire.runtime.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.auth.ToolCredentials;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.hamsa.WebToolBody;
import dev.toolwire.runtime.invoke.RegisteredTool;
import dev.toolwire.runtime.sync.CredentialResolver;
import dev.toolwire.runtime.sync.SyncConfiguration;
import dev.toolwire.runtime.sync.ToolSyncException;
import dev.toolwire.runtime.sync.WebToolMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The exact bodies the sync would send to create tools on Hamsa, credentials included (a token
 * scoped to each JWT tool, or the header), for {@code describe --format hamsa} and
 * {@code export --format hamsa}. Without publishable credentials a body has none;
 * {@link #reportMissingCredentials} then says which tools and why, once.
 */
final class HamsaBodies {

    private final WebToolMapper mapper;
    private final CredentialResolver credentials;
    private final JsonMapper json;
    private final List<String> withoutCredentials = new ArrayList<>();
    private @Nullable String reason;

    HamsaBodies(CliSession session) {
        ApplicationContext context = session.context();
        SyncConfiguration sync = context.getBean(SyncConfiguration.class);
        this.mapper = session.webToolMapper();
        this.credentials = new CredentialResolver(context.getBean(ToolCredentials.class), sync.tokenTtl(),
                sync.tokenMinRemaining());
        this.json = context.getBean(JsonMapper.class);
    }

    ObjectNode of(RegisteredTool tool) throws IOException {
        CredentialResolver.Auth auth = new CredentialResolver.Auth(null, null);
        try {
            auth = credentials.resolve(tool.descriptor(), null);
        } catch (ToolSyncException unpublishable) {
            withoutCredentials.add(tool.name());
            if (reason == null) {
                Throwable cause = unpublishable.getCause();
                reason = cause == null ? unpublishable.getMessage() : cause.getMessage();
            }
        }
        WebToolBody body = mapper.toWebTool(tool.descriptor(), auth.authToken(), auth.httpHeaders());
        return (ObjectNode) Json.MAPPER.readTree(json.writeValueAsString(body));
    }

    /**
     * Tells the user which of the bodies made so far have no credentials, and why; nothing when all have.
     *
     * @param err where to write the note
     */
    void reportMissingCredentials(PrintStream err) {
        if (!withoutCredentials.isEmpty()) {
            err.println("Note: no credentials in the body of " + String.join(", ", withoutCredentials) + ". " + reason);
        }
    }
}
