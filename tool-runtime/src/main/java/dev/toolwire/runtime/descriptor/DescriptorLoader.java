package dev.toolwire.runtime.descriptor;

import io.micronaut.core.annotation.Internal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds every {@code META-INF/toolwire/tools/*.json} on the class path, in directories and jars
 * (including a shaded fat jar), and parses it. There is no index file: each class-path root that has
 * the folder is listed.
 */
@Internal
public final class DescriptorLoader {

    /** The folder the generator writes descriptors to. */
    public static final String FOLDER = "META-INF/toolwire/tools";

    private DescriptorLoader() {}

    /**
     * Loads all descriptors visible to a class loader.
     *
     * @param classLoader the class loader whose roots to list
     * @return the descriptors by tool name, sorted by name
     * @throws DescriptorException when a descriptor is unreadable, of an unknown version, or two
     *     descriptors have the same name
     */
    public static Map<String, ToolDescriptor> load(ClassLoader classLoader) {
        Map<String, ToolDescriptor> byName = new TreeMap<>();
        for (URL url : descriptorUrls(classLoader)) {
            ToolDescriptor descriptor = read(url);
            ToolDescriptor previous = byName.putIfAbsent(descriptor.name(), descriptor);
            if (previous != null) {
                throw new DescriptorException("Tool '" + descriptor.name() + "' is described twice on the class path:\n  - "
                        + previous.source() + "\n  - " + descriptor.source()
                        + "\nTool names must be unique; rename one with @Tool(name = \"...\") or remove the stale jar.");
            }
        }
        return byName;
    }

    /**
     * Lists the descriptor files visible to a class loader.
     *
     * @param classLoader the class loader whose roots to list
     * @return the URLs of the {@code .json} files, each once, in class-path order
     */
    static List<URL> descriptorUrls(ClassLoader classLoader) {
        Set<String> seen = new LinkedHashSet<>();
        List<URL> urls = new ArrayList<>();
        try {
            Enumeration<URL> roots = classLoader.getResources(FOLDER);
            while (roots.hasMoreElements()) {
                for (URL url : list(roots.nextElement())) {
                    if (seen.add(url.toExternalForm())) {
                        urls.add(url);
                    }
                }
            }
        } catch (IOException e) {
            throw new DescriptorException("Cannot list " + FOLDER + " on the class path: " + e.getMessage(), e);
        }
        return urls;
    }

    private static List<URL> list(URL folder) throws IOException {
        if ("file".equals(folder.getProtocol())) {
            return listDirectory(folder);
        }
        URLConnection connection = folder.openConnection();
        if (connection instanceof JarURLConnection jar) {
            connection.setUseCaches(false);
            return listJar(jar, folder);
        }
        throw new DescriptorException("Cannot list tool descriptors in " + folder
                + ": only directories and jar files are supported on the class path.");
    }

    private static List<URL> listDirectory(URL folder) throws IOException {
        Path dir;
        try {
            dir = Path.of(folder.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("Bad class-path URL " + folder, e);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<URL> urls = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                urls.add(file.toUri().toURL());
            }
            return urls;
        }
    }

    private static List<URL> listJar(JarURLConnection connection, URL folder) throws IOException {
        String prefix = FOLDER + "/";
        String base = folder.toExternalForm();
        String folderUrl = base.endsWith("/") ? base : base + "/";
        Map<String, URL> urls = new LinkedHashMap<>();
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (entry.startsWith(prefix) && entry.endsWith(".json") && entry.indexOf('/', prefix.length()) < 0) {
                    urls.put(entry, URI.create(folderUrl + entry.substring(prefix.length())).toURL());
                }
            }
        }
        return new ArrayList<>(new TreeMap<>(urls).values());
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
