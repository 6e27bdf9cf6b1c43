package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.descriptor.DescriptorLoader;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A class loader that sees everything its parent sees but the descriptors of some tools: the state
 * of an application whose build lost them, or before a stale jar's descriptor takes their place.
 */
final class DescriptorHidingClassLoader extends ClassLoader {

    private final Set<String> hidden;

    DescriptorHidingClassLoader(ClassLoader parent, Set<String> toolNames) {
        super(parent);
        this.hidden = toolNames.stream().map(name -> DescriptorLoader.FOLDER + "/" + name + ".json")
                .collect(Collectors.toSet());
    }

    @Override
    public URL getResource(String name) {
        return hidden.contains(name) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return hidden.contains(name) ? Collections.emptyEnumeration() : super.getResources(name);
    }
}
