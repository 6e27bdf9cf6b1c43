package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.RateLimitConfiguration;
import dev.toolwire.runtime.store.RetryMemory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Internal;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns once the server is up when state that replicas must share is kept in this process's memory
 * while something says there are several replicas: jobs ({@code @Job}), retry memory
 * ({@code @Idempotent}) or the rate limit, on the in-memory store, with
 * {@code toolwire.sync.on-startup=true} (a deploy-time sync means a deployment) or in Kubernetes.
 * Each replica would then answer "job not found" for jobs started on another, act twice on a retry
 * that lands elsewhere and let the limit through once per replica.
 */
@Singleton
@Internal
final class SingleReplicaWarning implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SingleReplicaWarning.class);

    private final DefaultToolRegistry registry;
    private final RetryMemory retryMemory;
    private final RateLimitConfiguration rateLimit;
    private final Environment environment;
    private final boolean syncOnStartup;
    private final Function<String, String> env;

    @Inject
    SingleReplicaWarning(DefaultToolRegistry registry, RetryMemory retryMemory, RateLimitConfiguration rateLimit,
            Environment environment, @Value("${toolwire.sync.on-startup:false}") boolean syncOnStartup) {
        this(registry, retryMemory, rateLimit, environment, syncOnStartup, System::getenv);
    }

    SingleReplicaWarning(DefaultToolRegistry registry, RetryMemory retryMemory, RateLimitConfiguration rateLimit,
            Environment environment, boolean syncOnStartup, Function<String, String> env) {
        this.registry = registry;
        this.retryMemory = retryMemory;
        this.rateLimit = rateLimit;
        this.environment = environment;
        this.syncOnStartup = syncOnStartup;
        this.env = env;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (!(retryMemory instanceof DeduplicationCache)) {
            return; // a shared store
        }
        List<String> sign = replicaSigns();
        List<String> shared = stateToShare();
        if (!sign.isEmpty() && !shared.isEmpty()) {
            LOG.warn("Several replicas seem to run this service ({}), but this process keeps {} in its own memory:"
                    + " jobs started on one replica are unknown to the others, a retry landing on another replica"
                    + " acts again, and the rate limit counts per replica. Set toolwire.store=redis and redis.uri"
                    + " (README, \"Running several replicas\").", String.join(", ", sign), String.join("; ", shared));
        }
    }

    private List<String> replicaSigns() {
        List<String> signs = new ArrayList<>();
        if (syncOnStartup) {
            signs.add("toolwire.sync.on-startup=true");
        }
        if (env.apply("KUBERNETES_SERVICE_HOST") != null || environment.getActiveNames().contains(Environment.KUBERNETES)) {
            signs.add("running in Kubernetes");
        }
        return signs;
    }

    private List<String> stateToShare() {
        List<String> jobs = new ArrayList<>();
        List<String> retrySafe = new ArrayList<>();
        for (RegisteredTool tool : registry.all()) {
            if (tool.job() != null) {
                jobs.add(tool.name());
            }
            if (tool.retryWindowSeconds() > 0) {
                retrySafe.add(tool.name());
            }
        }
        List<String> shared = new ArrayList<>();
        if (!jobs.isEmpty()) {
            shared.add("the jobs of " + String.join(", ", jobs));
        }
        if (!retrySafe.isEmpty()) {
            shared.add("the retry memory of " + String.join(", ", retrySafe));
        }
        if (rateLimit.enabled()) {
            shared.add("the rate limit's counts");
        }
        return shared;
    }
}
