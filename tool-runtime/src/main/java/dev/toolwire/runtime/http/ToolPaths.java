package dev.toolwire.runtime.http;

import dev.toolwire.runtime.invoke.DefaultToolRegistry;
import dev.toolwire.runtime.invoke.RegisteredTool;
import io.micronaut.core.annotation.Internal;
import io.micronaut.http.uri.UriMatchTemplate;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which request paths are Toolwire's, for errors of requests that matched no route: the tools'
 * namespace {@code /tools/...} and every tool's own path (whatever the method). Those get the tool
 * envelope; any other path belongs to the application and keeps Micronaut's error format.
 */
@Singleton
@Internal
final class ToolPaths {

    private static final String NAMESPACE = "/tools";

    private final DefaultToolRegistry registry;
    private volatile @Nullable List<UriMatchTemplate> templates;

    ToolPaths(DefaultToolRegistry registry) {
        this.registry = registry;
    }

    /**
     * Whether a path is one a tool is, or could be, served at.
     *
     * @param path the request path, without the query
     * @return {@code true} under {@code /tools} or at a tool's path
     */
    boolean covers(String path) {
        if (path.equals(NAMESPACE) || path.startsWith(NAMESPACE + "/")) {
            return true;
        }
        for (UriMatchTemplate template : templates()) {
            if (template.match(path).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private List<UriMatchTemplate> templates() {
        List<UriMatchTemplate> known = templates;
        if (known == null) {
            known = new ArrayList<>();
            for (RegisteredTool tool : registry.all()) {
                known.add(UriMatchTemplate.of(tool.descriptor().path()));
            }
            templates = known;
        }
        return known;
    }
}
