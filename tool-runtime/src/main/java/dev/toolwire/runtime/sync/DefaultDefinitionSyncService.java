package dev.toolwire.runtime.sync;

import dev.toolwire.runtime.HamsaConfiguration;
import dev.toolwire.runtime.ToolwireConfiguration;
import dev.toolwire.runtime.auth.AuthModes;
import dev.toolwire.runtime.auth.ToolCredentials;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.hamsa.HamsaApiException;
import dev.toolwire.runtime.hamsa.HamsaClient;
import dev.toolwire.runtime.hamsa.HamsaDialect;
import dev.toolwire.runtime.hamsa.HamsaSession;
import dev.toolwire.runtime.hamsa.RemoteWebTool;
import dev.toolwire.runtime.hamsa.WebToolListing;
import dev.toolwire.runtime.invoke.DefaultToolRegistry;
import dev.toolwire.runtime.invoke.RegisteredTool;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The sync: checks the configuration (public URL, API key, credentials, dialect), opens a run against
 * Hamsa (which finds out the dialect), reads every remote tool, plans with {@link PlanBuilder} and
 * applies with {@link PlanApplier} in the same run. Each tool about to be created is looked up by name
 * first, so a page the list did not show never becomes a duplicate; a sync running at the same moment
 * that creates the same tool is caught after the writes ({@link DuplicateCollapser}).
 */
@Singleton
@Internal
public final class DefaultDefinitionSyncService implements DefinitionSyncService {

    private final DefaultToolRegistry registry;
    private final HamsaClient client;
    private final BeanProvider<ToolCredentials> credentials;
    private final SyncConfiguration sync;
    private final ToolwireConfiguration toolwire;
    private final HamsaConfiguration hamsa;
    private final SyncMonitor monitor;

    DefaultDefinitionSyncService(DefaultToolRegistry registry, HamsaClient client, BeanProvider<ToolCredentials> credentials,
            SyncConfiguration sync, ToolwireConfiguration toolwire, HamsaConfiguration hamsa, SyncMonitor monitor) {
        this.registry = registry;
        this.client = client;
        this.credentials = credentials;
        this.sync = sync;
        this.toolwire = toolwire;
        this.hamsa = hamsa;
        this.monitor = monitor;
    }

    @Override
    public SyncPlan plan(SyncOptions options) {
        PlanBuilder builder = builder(options);
        List<ToolDescriptor> tools = registry.all().stream().map(RegisteredTool::descriptor).toList();
        checkCredentialsCanBePublished(tools, builder.credentials());
        HamsaSession session = session();
        try {
            WebToolListing listing = session.list();
            List<String> notes = new ArrayList<>();
            SyncPlan.Content content = builder.build(tools, listing, options, session.dialect());
            if (content.entries().stream().anyMatch(e -> e.action() == SyncPlan.Action.CREATE)) {
                // Before creating, make sure each tool is really missing: a list the server pages in a way
                // nothing here recognised must not turn into duplicates. Creates are rare; this is cheap.
                for (SyncPlan.Entry entry : content.entries()) {
                    if (entry.action() == SyncPlan.Action.CREATE) {
                        listing = listing.plus(session.find(entry.name()));
                    }
                }
                content = builder.build(tools, listing, options, session.dialect());
            }
            String incomplete = listing.incompleteReason();
            if (incomplete != null) {
                notes.add("The list may be incomplete (" + incomplete + "); each tool to create was looked up by name first.");
            }
            if (listing.skipIsOffset()) {
                notes.add("Hamsa read the list's skip as an item offset, not as the page number it documents.");
            }
            notes.addAll(content.notes());
            Set<String> codeNames = tools.stream().map(ToolDescriptor::name).collect(Collectors.toSet());
            List<SyncPlan.AgentEntry> agents = new AgentSync(session, AgentSync.configured(hamsa.agents(), options.agents()),
                    options.prune()).plan(content, OurTool.onHamsa(listing, codeNames, builder.mapper()), notes);
            monitor.succeeded("list web tools");
            return new SyncPlan(builder.mapper().publicUrl(), options, session,
                    new SyncPlan.Content(content.entries(), content.work(), content.elsewhere(), notes, content.duplicated()),
                    agents);
        } catch (HamsaApiException e) {
            monitor.failed("list web tools", e);
            if (e.isAuthFailure()) {
                throw keyRefused(e);
            }
            if (e.status() == 404) {
                throw new ToolSyncException("Hamsa at " + client.baseUrl() + " has no web-tool list: " + e.getMessage()
                        + ". Check toolwire.hamsa.base-url (or HAMSA_BASE_URL) and " + HamsaDialect.PROPERTY
                        + ". Nothing was changed.", true, e);
            }
            throw new ToolSyncException("Could not read the web tools from Hamsa at " + client.baseUrl() + ": "
                    + e.getMessage() + ". Nothing was changed.", false, e);
        }
    }

    @Override
    public SyncResult apply(SyncPlan plan, Consumer<String> progress) {
        List<ToolDescriptor> tools = registry.all().stream().map(RegisteredTool::descriptor).toList();
        return new PlanApplier(plan.session(), tools, builder(plan.options()), hamsa, monitor).apply(plan, progress);
    }

    @Override
    public VerifyReport verify(SyncPlan plan, Consumer<String> out) {
        PlanBuilder builder = builder(plan.options());
        List<ToolDescriptor> tools = registry.all().stream().map(RegisteredTool::descriptor).toList();
        Set<String> codeNames = tools.stream().map(ToolDescriptor::name).collect(Collectors.toSet());
        try {
            Map<String, RemoteWebTool> published = OurTool.twins(plan.session().list(), codeNames, builder.mapper());
            return new ToolVerifier(plan.session(), builder.credentials()).verify(tools, published, out);
        } catch (HamsaApiException e) {
            if (e.isAuthFailure()) {
                throw keyRefused(e);
            }
            throw new ToolSyncException("Could not verify the tools through Hamsa at " + client.baseUrl() + ": "
                    + e.getMessage(), false, e);
        }
    }

    private HamsaSession session() {
        try {
            return client.session();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ToolSyncException.configuration(e.getMessage());
        }
    }

    /**
     * Fails before Hamsa is contacted when a tool's credential cannot be published (only an ephemeral
     * key, or only public keys): resolving one tool of each auth mode is enough to know.
     */
    private void checkCredentialsCanBePublished(List<ToolDescriptor> tools, CredentialResolver resolver) {
        ToolCredentials toolCredentials = credentials.get();
        tools.stream()
                .collect(Collectors.toMap(tool -> toolCredentials.effectiveMode(AuthModes.of(tool)), tool -> tool,
                        (first, second) -> first))
                .values()
                .forEach(resolver::resolve);
    }

    private PlanBuilder builder(SyncOptions options) {
        WebToolMapper ours = mapper();
        WebToolMapper mapper;
        try {
            mapper = options.adoptFrom() == null ? ours : ours.adopting(options.adoptFrom().toString());
        } catch (IllegalArgumentException e) {
            throw ToolSyncException.configuration(e.getMessage());
        }
        if (!client.hasApiKey()) {
            throw ToolSyncException.configuration("No Hamsa API key: set toolwire.hamsa.api-key "
                    + "(or the HAMSA_API_KEY environment variable), or disable the sync with toolwire.sync.enabled=false.");
        }
        if (!credentials.isPresent()) {
            throw ToolSyncException.configuration("Auth is not configured: no ToolCredentials bean, so the sync "
                    + "cannot give Hamsa the credentials its tools need. Configure toolwire.auth.* "
                    + "(or disable the sync with toolwire.sync.enabled=false).");
        }
        return new PlanBuilder(mapper, new CredentialResolver(credentials.get(), sync.tokenTtl(), sync.tokenMinRemaining()));
    }

    private WebToolMapper mapper() {
        URI url = toolwire.publicUrl();
        String scheme = url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url == null || !url.isAbsolute() || url.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw ToolSyncException.configuration("toolwire.public-url (environment: TOOLWIRE_PUBLIC_URL) must be set"
                    + " to the absolute http(s) URL where Hamsa reaches this server (e.g. https://tools.example.com)"
                    + " before tools can be synced"
                    + (url == null ? "." : "; it is '" + url + "'."));
        }
        return new WebToolMapper(url.toString(), hamsa.collectionId());
    }

    static ToolSyncException keyRefused(HamsaApiException e) {
        return new ToolSyncException("Hamsa refused the API key (HTTP " + e.status()
                + (e.hamsaCode() == null ? "" : ", code " + e.hamsaCode())
                + "). Check toolwire.hamsa.api-key (or the HAMSA_API_KEY environment variable). Nothing was changed"
                + " by this request.", true, e);
    }
}
