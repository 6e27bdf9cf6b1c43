package dev.toolwire.runtime.descriptor;

import io.micronaut.core.annotation.Internal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the descriptor of a tool by its name, {@code META-INF/toolwire/tools/<name>.json}: the
 * generator writes each tool's resolved name into its method's annotation metadata, so nothing lists
 * the class path. A name found in two class-path roots (a stale jar next to a fresh build) is an
 * error that names both.
 */
@Internal
public final class DescriptorLoader {

    /** The folder the generator writes descriptors to. */
    public static final String FOLDER = "META-INF/toolwire/tools";

    private DescriptorLoader() {}

    /**
     * Reads one tool's descriptor.
     *
     * @param classLoader where to look
     * @param toolName the tool's name
     * @return the descriptor, or empty when no class-path root has it
     * @throws DescriptorException when it is unreadable, of an unknown version, names another tool,
     *     or two roots hold one
     */
    public static Optional<ToolDescriptor> load(ClassLoader classLoader, String toolName) {
        String resource = FOLDER + "/" + toolName + ".json";
        List<URL> found;
        try {
            Set<String> seen = new LinkedHashSet<>();
            found = new ArrayList<>();
            for (URL url : Collections.list(classLoader.getResources(resource))) {
                if (seen.add(url.toExternalForm())) {
                    found.add(url);
                }
            }
        } catch (IOException e) {
            throw new DescriptorException("Cannot look up " + resource + " on the class path: " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.size() > 1) {
            throw new DescriptorException("Tool '" + toolName + "' is described twice on the class path:\n  - "
                    + found.get(0) + "\n  - " + found.get(1)
                    + "\nTool names must be unique; rename one with @Tool(name = \"...\") or remove the stale jar.");
        }
        ToolDescriptor descriptor = read(found.get(0));
        if (!descriptor.name().equals(toolName)) {
            throw new DescriptorException(descriptor.source() + " describes tool '" + descriptor.name() + "', not '"
                    + toolName + "'. Rebuild the application to refresh its descriptors.");
        }
        return Optional.of(descriptor);
    }

    private static ToolDescriptor read(URL url) {
        try {
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream()) {
                return DescriptorParser.parse(in, url.toExternalForm());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tool descriptor " + url, e);
        }
    }
}
