package dev.toolwire.runtime.invoke;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A startup problem stops the start with a message that names the tool. The extra descriptors live
 * in {@code src/test/descriptors/<case>}, outside the test class path, and are added with a class
 * loader so they do not disturb other tests.
 */
class StartupFailureTest {

    @Test
    void twoToolsOnOneRoute() {
        String message = startFailure(Map.of("spec.name", "RouteClash"), null);
        assertTrue(message.contains("Tools 'clash_one' and 'clash_two' are both served at POST /clash/"), message);
    }

    @Test
    void descriptorWithoutBean() throws IOException {
        String message = startFailure(Map.of("spec.name", "Orphan"), "orphan");
        assertTrue(message.contains("Tool 'orphan_tool'"), message);
        assertTrue(message.contains("no bean has that method"), message);
    }

    @Test
    void twoDescriptorsWithOneName() throws IOException {
        String message = startFailure(Map.of("spec.name", "Duplicate"), "duplicate");
        assertTrue(message.contains("Tool 'current_weather' is described twice"), message);
    }

    @Test
    void unknownDescriptorVersion() throws IOException {
        String message = startFailure(Map.of("spec.name", "Future"), "future");
        assertTrue(message.contains("tool 'from_the_future'"), message);
        assertTrue(message.contains("descriptorVersion 2"), message);
    }

    private static String startFailure(Map<String, Object> properties, String extraDescriptors) {
        ClassLoader parent = StartupFailureTest.class.getClassLoader();
        RuntimeException e;
        try (URLClassLoader loader = new URLClassLoader(urls(extraDescriptors), parent)) {
            e = assertThrows(RuntimeException.class, () -> {
                try (ApplicationContext context = ApplicationContext.builder()
                        .classLoader(loader)
                        .properties(properties)
                        .start()) {
                    context.getBean(DefaultToolRegistry.class).all();
                }
            });
        } catch (IOException io) {
            throw new IllegalStateException(io);
        }
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    private static URL[] urls(String extraDescriptors) {
        if (extraDescriptors == null) {
            return new URL[0];
        }
        try {
            return new URL[] {Path.of("src/test/descriptors", extraDescriptors).toUri().toURL()};
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
