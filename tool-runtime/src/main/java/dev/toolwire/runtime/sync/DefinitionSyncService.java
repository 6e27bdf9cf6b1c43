package dev.toolwire.runtime.sync;

import java.util.function.Consumer;

/**
 * Makes the tool definitions on Hamsa match the code: {@link #plan(SyncOptions)} reads every remote
 * tool and compares; {@link #apply(SyncPlan, Consumer)} writes the differences one by one, in the
 * dialect the plan found. Used by the {@code sync} command and by {@code toolwire.sync.on-startup}.
 */
public interface DefinitionSyncService {

    /**
     * Plans a sync without writing anything.
     *
     * @param options pruning, credential rotation
     * @return the plan
     * @throws ToolSyncException when the configuration is incomplete or Hamsa cannot be read
     */
    SyncPlan plan(SyncOptions options);

    /**
     * Plans a sync without writing anything, with no option but pruning.
     *
     * @param prune whether orphans are to be deactivated
     * @return the plan
     * @throws ToolSyncException when the configuration is incomplete or Hamsa cannot be read
     */
    default SyncPlan plan(boolean prune) {
        return plan(SyncOptions.pruning(prune));
    }

    /**
     * Applies a plan: creates, then updates, then deactivations, sequentially. A failed write is
     * counted and the others still run. Then, when anything was to be created or the plan saw several
     * live copies of one of the code's tools, it lists again and deactivates every live copy under the
     * public URL but the oldest, which syncs running at the same moment all keep
     * ({@link SyncResult#duplicates()}).
     *
     * @param plan a plan from {@link #plan(SyncOptions)}
     * @param progress receives one line per write
     * @return what was done
     * @throws ToolSyncException when Hamsa refuses the API key midway
     */
    SyncResult apply(SyncPlan plan, Consumer<String> progress);

    /**
     * Has Hamsa call every tool of the application as it is now published (its test-api-tool
     * endpoint), with a request the tool refuses before it runs, in the plan's run.
     *
     * @param plan a plan from {@link #plan(SyncOptions)}, applied or not
     * @param out receives one line per tool
     * @return what was found
     * @throws ToolSyncException when Hamsa refuses the API key
     */
    VerifyReport verify(SyncPlan plan, Consumer<String> out);
}
