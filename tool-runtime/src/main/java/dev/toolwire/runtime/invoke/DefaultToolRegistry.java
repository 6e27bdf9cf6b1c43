package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.AuthConfiguration;
import dev.toolwire.runtime.RegistryConfiguration;
import dev.toolwire.runtime.RequiredLibraries;
import dev.toolwire.runtime.ToolInfo;
import dev.toolwire.runtime.ToolRegistry;
import dev.toolwire.runtime.ToolwireConfiguration;
import dev.toolwire.runtime.auth.AuthModes;
import dev.toolwire.runtime.descriptor.DescriptorException;
import io.micronaut.context.BeanContext;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All tools of the application: the descriptors on the class path joined with the {@code @Tool}
 * bean methods. Built once, when the application starts; a problem (a descriptor without a bean,
 * two tools on one route, two descriptors with one name, an unknown descriptor version) stops the
 * start with a message that names the tool. With {@code toolwire.registry.fail-on-unjoined=false}, a
 * descriptor and a bean method that cannot be joined leave only that tool out, logged at ERROR and
 * listed by {@link #unjoined()} for {@code /health}.
 */
@Singleton
@Internal
public final class DefaultToolRegistry implements ToolRegistry, ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultToolRegistry.class);

    private final BeanContext beanContext;
    private final ToolMethodCollector collector;
    private final boolean failOnUnjoined;
    private final ToolDefaults defaults;
    private final List<String> unjoined = new CopyOnWriteArrayList<>();
    private volatile @Nullable Map<String, RegisteredTool> tools;

    /**
     * Creates the registry.
     *
     * @param beanContext the context, for its class loader and bean conditions
     * @param collector the tool methods found at startup
     * @param configuration whether a tool that cannot be joined stops the start
     * @param auth {@code toolwire.auth.default}, the mode of tools that declare none
     * @param toolwire {@code toolwire.naming}, how results are named
     */
    public DefaultToolRegistry(BeanContext beanContext, ToolMethodCollector collector,
            RegistryConfiguration configuration, AuthConfiguration auth, ToolwireConfiguration toolwire) {
        RequiredLibraries.require(beanContext.getClassLoader());
        this.defaults = new ToolDefaults(AuthModes.parseDefault(auth.getDefault()), toolwire.naming());
        this.beanContext = beanContext;
        this.collector = collector;
        this.failOnUnjoined = configuration.failOnUnjoined();
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        byName();
    }

    /**
     * All tools, sorted by name.
     *
     * @return the tools
     */
    public List<RegisteredTool> all() {
        return List.copyOf(byName().values());
    }

    /**
     * The problems of the tools left out because a descriptor and a bean method could not be joined
     * (only with {@code toolwire.registry.fail-on-unjoined=false}; otherwise the start fails).
     *
     * @return one message per tool left out, naming it; empty when every tool is served
     */
    public List<String> unjoined() {
        byName();
        return List.copyOf(unjoined);
    }

    /**
     * Finds a tool by name.
     *
     * @param name the tool name
     * @return the tool, or empty
     */
    public Optional<RegisteredTool> find(String name) {
        return Optional.ofNullable(byName().get(name));
    }

    @Override
    public List<ToolInfo> tools() {
        return List.copyOf(byName().values());
    }

    @Override
    public Optional<ToolInfo> tool(String name) {
        return Optional.ofNullable(byName().get(name));
    }

    @Override
    public List<String> similarNames(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return byName().keySet().stream()
                .filter(n -> distance(n.toLowerCase(Locale.ROOT), wanted) <= Math.max(2, wanted.length() / 3)
                        || n.contains(wanted) || wanted.contains(n))
                .sorted(Comparator.comparingInt(n -> distance(n.toLowerCase(Locale.ROOT), wanted)))
                .limit(3)
                .toList();
    }

    private Map<String, RegisteredTool> byName() {
        Map<String, RegisteredTool> result = tools;
        if (result == null) {
            synchronized (this) {
                result = tools;
                if (result == null) {
                    result = RegistryBuilder.build(beanContext, collector.methods(), defaults, this::leaveOut);
                    tools = result;
                }
            }
        }
        return result;
    }

    private void leaveOut(DescriptorException problem) {
        if (failOnUnjoined) {
            throw problem;
        }
        LOG.error("{} The tool is not served (toolwire.registry.fail-on-unjoined=false).", problem.getMessage());
        unjoined.add(problem.getMessage());
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
