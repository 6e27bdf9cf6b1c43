/**
 * Syncs the application's tool definitions to Hamsa: plans (create, update, unchanged, orphan) by
 * comparing normalised definitions, then applies the plan. Switched off with
 * {@code toolwire.sync.enabled=false}. {@link dev.toolwire.runtime.sync.DefinitionSyncService},
 * {@link dev.toolwire.runtime.sync.SyncPlan}, {@link dev.toolwire.runtime.sync.SyncResult},
 * {@link dev.toolwire.runtime.sync.SyncConfiguration} and
 * {@link dev.toolwire.runtime.sync.ToolSyncException} are public; the rest is internal.
 */
@Requires(property = SyncConfiguration.PREFIX + ".enabled", notEquals = "false")
@NullMarked
package dev.toolwire.runtime.sync;

import io.micronaut.context.annotation.Requires;
import org.jspecify.annotations.NullMarked;
