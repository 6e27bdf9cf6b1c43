package dev.toolwire.runtime.sync;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * When and how tool definitions are synced to Hamsa ({@code toolwire.sync.*}).
 *
 * @param enabled {@code toolwire.sync.enabled}: {@code false} removes the sync (command and startup
 *     trigger) from the application. Default {@code true}.
 * @param onStartup {@code toolwire.sync.on-startup}: sync in the background once the HTTP server has
 *     started. Default {@code false}.
 * @param prune {@code toolwire.sync.prune}: deactivate orphans, i.e. remote tools whose
 *     {@code serverUrl} is under this application's {@code toolwire.public-url} but that are no longer
 *     in the code (as {@code sync --prune} does). Default {@code false}.
 * @param failOnError {@code toolwire.sync.fail-on-error}: with {@code on-startup}, stop the
 *     application when the sync fails instead of logging the failure and serving on. Default
 *     {@code false}.
 * @param verify {@code toolwire.sync.verify}: after each sync, have Hamsa call every tool as published
 *     (its test-api-tool endpoint) with a request the tool refuses before it runs, and report which it
 *     reached with its credential accepted (as {@code sync --verify}). Default {@code false}.
 * @param tokenTtl {@code toolwire.sync.token-ttl}: the lifetime of the JWT minted for each JWT tool
 *     and stored in Hamsa as its {@code authToken}. Default {@code 365d}.
 * @param tokenMinRemaining {@code toolwire.sync.token-min-remaining}: a token already stored in Hamsa
 *     is kept while this server accepts it and it stays valid at least this long; otherwise a new
 *     one is minted. Default {@code 30d}.
 */
@ConfigurationProperties(SyncConfiguration.PREFIX)
public record SyncConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "false") boolean onStartup,
        @Bindable(defaultValue = "false") boolean prune,
        @Bindable(defaultValue = "false") boolean failOnError,
        @Bindable(defaultValue = "false") boolean verify,
        @Bindable(defaultValue = "365d") Duration tokenTtl,
        @Bindable(defaultValue = "30d") Duration tokenMinRemaining) {

    /** The property prefix, {@value}. */
    public static final String PREFIX = "toolwire.sync";
}
