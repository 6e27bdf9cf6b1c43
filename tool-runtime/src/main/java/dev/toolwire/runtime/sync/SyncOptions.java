package dev.toolwire.runtime.sync;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a sync plans and applies, beyond the configuration ({@code sync} command options).
 *
 * @param prune deactivate remote tools of this application that are no longer in the code, and
 *     detach them from the configured agents ({@code --prune}, {@code toolwire.sync.prune})
 * @param rotateCredentials publish a fresh credential for every tool that has one, even where the
 *     stored one is still good or cannot be seen ({@code --rotate-credentials})
 * @param agents agents every tool of the application is attached to, besides
 *     {@code toolwire.hamsa.agents} ({@code --agent})
 * @param verify have Hamsa call every tool as published afterwards ({@code --verify},
 *     {@code toolwire.sync.verify})
 * @param adoptFrom a public URL this application was published under before: its tools are taken over
 *     in place ({@code --adopt-from}), or null
 */
public record SyncOptions(boolean prune, boolean rotateCredentials, List<String> agents, boolean verify,
        @Nullable URI adoptFrom) {

    /**
     * Copies the list.
     *
     * @param prune prune
     * @param rotateCredentials rotate
     * @param agents agents
     * @param verify verify
     * @param adoptFrom the old public URL
     */
    public SyncOptions {
        agents = List.copyOf(agents);
    }

    /**
     * Options with only pruning chosen.
     *
     * @param prune whether to prune
     * @return the options
     */
    public static SyncOptions pruning(boolean prune) {
        return new SyncOptions(prune, false, List.of(), false, null);
    }
}
