package dev.toolwire.runtime.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.auth.ToolCredentials;
import dev.toolwire.runtime.hamsa.HamsaDialect;
import dev.toolwire.runtime.hamsa.WebToolDefinition;
import dev.toolwire.runtime.invoke.RegisteredTool;
import dev.toolwire.runtime.sync.CredentialResolver;
import dev.toolwire.runtime.sync.SyncConfiguration;
import dev.toolwire.runtime.sync.ToolSyncException;
import dev.toolwire.runtime.sync.WebToolMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.Internal;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact bodies the sync would send to create tools on Hamsa in one dialect, credentials included
 * (a token scoped to each JWT tool, or the header), for {@code describe --format hamsa} and
 * {@code export --format hamsa} (a command of {@code tool-devtools}). Without publishable credentials a body has none;
 * {@link #reportMissingCredentials} then says which tools and why, one line per reason.
 */
@Internal
public final class HamsaBodies {

    private final WebToolMapper mapper;
    private final CredentialResolver credentials;
    private final HamsaDialect dialect;
    /** The tools whose body has no credentials, by the reason (in the order first met). */
    private final Map<String, List<String>> withoutCredentials = new LinkedHashMap<>();

    /**
     * Prepares the bodies of one command.
     *
     * @param session the command's session, whose context holds the configuration and credentials
     * @param dialect the Hamsa dialect to write
     */
    public HamsaBodies(CliSession session, HamsaDialect dialect) {
        this.dialect = dialect;
        ApplicationContext context = session.context();
        SyncConfiguration sync = context.getBean(SyncConfiguration.class);
        this.mapper = session.webToolMapper();
        this.credentials = new CredentialResolver(context.getBean(ToolCredentials.class), sync.tokenTtl(),
                sync.tokenMinRemaining());
    }

    /**
     * The create body of one tool, with its credentials when they can be published.
     *
     * @param tool the tool
     * @return a new body
     */
    public ObjectNode of(RegisteredTool tool) {
        CredentialResolver.Auth auth = new CredentialResolver.Auth(null, null, false);
        try {
            auth = credentials.resolve(tool.descriptor());
        } catch (ToolSyncException unpublishable) {
            Throwable cause = unpublishable.getCause();
            String reason = cause != null && cause.getMessage() != null ? cause.getMessage() : unpublishable.getMessage();
            withoutCredentials.computeIfAbsent(reason, r -> new ArrayList<>()).add(tool.name());
        }
        WebToolDefinition definition = mapper.toDefinition(tool.descriptor(), auth.authToken(), auth.httpHeaders());
        return dialect.body(definition);
    }

    /**
     * Tells the user which of the bodies made so far have no credentials, and why; nothing when all have.
     *
     * @param err where to write the note
     */
    public void reportMissingCredentials(PrintStream err) {
        withoutCredentials.forEach((reason, tools) ->
                err.println("Note: no credentials in the body of " + String.join(", ", tools) + ". " + reason));
    }
}
