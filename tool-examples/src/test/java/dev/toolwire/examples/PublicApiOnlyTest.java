package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.annotation.Internal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What users build on must be enough: the examples (an application, as a team writes one) and the
 * test client (a library built on Toolwire) import no type Toolwire marks {@code @Internal}. An
 * import of one fails the build, naming the file and the type; the fix is a public extension point,
 * not an exception in this test.
 */
class PublicApiOnlyTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?(dev\\.toolwire\\.[\\w.]+?)(?:\\.\\*)?;",
            Pattern.MULTILINE);

    @ParameterizedTest
    @ValueSource(strings = {"src/main/java", "../tool-testing-client/src/main/java"})
    void importsNoInternalType(String sources) throws IOException {
        Path root = Path.of(sources);
        assertTrue(Files.isDirectory(root), "sources at " + root.toAbsolutePath().normalize());
        List<String> internal = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(read(file));
                while (m.find()) {
                    Class<?> type = load(m.group(1));
                    if (type == null) {
                        continue; // the application's own type, or a static member
                    }
                    checked++;
                    if (isInternal(type)) {
                        internal.add(root.relativize(file) + " imports " + type.getName());
                    }
                }
            }
        }
        assertTrue(checked > 0, "some Toolwire imports were checked under " + root);
        assertEquals(List.of(), internal, "imports of @Internal types");
    }

    /** The type named, or for a static import its class; {@code null} when it is not on the class path. */
    private static Class<?> load(String name) {
        for (String candidate = name; candidate.contains("."); candidate = candidate.substring(0, candidate.lastIndexOf('.'))) {
            try {
                return Class.forName(candidate, false, PublicApiOnlyTest.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                // a static member or a nested type written with dots: try the enclosing name
            }
        }
        return null;
    }

    private static boolean isInternal(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (t.isAnnotationPresent(Internal.class)) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
