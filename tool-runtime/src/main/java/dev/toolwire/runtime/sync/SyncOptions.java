package dev.toolwire.runtime.sync;

/**
 * How a sync plans, beyond the configuration ({@code sync} command options).
 *
 * @param prune deactivate remote tools of this application that are no longer in the code
 *     ({@code --prune}, {@code toolwire.sync.prune})
 * @param rotateCredentials publish a fresh credential for every tool that has one, even where the
 *     stored one is still good or cannot be seen ({@code --rotate-credentials})
 */
public record SyncOptions(boolean prune, boolean rotateCredentials) {

    /**
     * Options with only pruning chosen.
     *
     * @param prune whether to prune
     * @return the options
     */
    public static SyncOptions pruning(boolean prune) {
        return new SyncOptions(prune, false);
    }
}
