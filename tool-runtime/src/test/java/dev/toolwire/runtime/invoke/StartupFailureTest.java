package dev.toolwire.runtime.invoke;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
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
    void aToolMethodWithoutItsDescriptor() {
        String message = startFailure(Map.of("spec.name", "AuthTools"), null, Set.of("opening_hours"));
        assertTrue(message.contains("CustomerTools.openingHours() (tool 'opening_hours') has no descriptor under"
                + " META-INF/toolwire/tools. Rebuild the application."), message);
    }

    @Test
    void aStaleDescriptorOfNoToolMethod_isNeverRead() {
        ClassLoader parent = StartupFailureTest.class.getClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls("orphan"), parent);
                ApplicationContext context = ApplicationContext.builder().classLoader(loader)
                        .properties(Map.of("spec.name", "Orphan")).start()) {
            DefaultToolRegistry registry = context.getBean(DefaultToolRegistry.class);
            assertTrue(registry.find("orphan_tool").isEmpty(), "only the methods' own descriptors are read");
            assertTrue(registry.unjoined().isEmpty(), registry.unjoined().toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoDescriptorsWithOneName() throws IOException {
        String message = startFailure(Map.of("spec.name", "ServeToolsTest"), "duplicate");
        assertTrue(message.contains("Tool 'current_weather' is described twice"), message);
    }

    @Test
    void unknownDescriptorVersion() throws IOException {
        // The build left a descriptor of a newer format in place of opening_hours's own.
        String message = startFailure(Map.of("spec.name", "AuthTools"), "future", Set.of("opening_hours"));
        assertTrue(message.contains("tool 'opening_hours'"), message);
        assertTrue(message.contains("descriptorVersion 2"), message);
    }

    private static String startFailure(Map<String, Object> properties, String extraDescriptors) {
        return startFailure(properties, extraDescriptors, Set.of());
    }

    private static String startFailure(Map<String, Object> properties, String extraDescriptors, Set<String> hidden) {
        ClassLoader parent = new DescriptorHidingClassLoader(StartupFailureTest.class.getClassLoader(), hidden);
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
