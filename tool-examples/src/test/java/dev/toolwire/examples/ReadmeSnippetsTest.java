package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Java snippet of the READMEs is a complete source file, imports included, and compiles against
 * Toolwire's modules (this module's test class path: the runtime, devtools, the testing modules and
 * the examples). Each README's snippets compile together, so one may use a type another declares.
 * The tool-testing README's sync example also runs, against a real FakeHamsa and the examples.
 */
class ReadmeSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern TYPE_NAME = Pattern.compile(
            "(?m)^public\\s+(?:final\\s+|abstract\\s+)*(?:class|record|interface|enum|@interface)\\s+(\\w+)"
                    + "|^(?:final\\s+|abstract\\s+)*(?:class|record|interface|enum|@interface)\\s+(\\w+)");

    @TempDir
    Path classes;

    static Stream<Path> readmes() throws IOException {
        Path root = Path.of("..");
        try (Stream<Path> modules = Files.list(root)) {
            return Stream.concat(Stream.of(root.resolve("README.md")),
                    modules.map(module -> module.resolve("README.md")).filter(Files::isRegularFile).sorted()
                            .collect(Collectors.toList()).stream());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readmes")
    void everyJavaSnippetIsACompleteFileThatCompiles(Path readme) throws IOException {
        List<Snippet> snippets = snippets(readme);
        if (snippets.isEmpty()) {
            return;
        }
        List<String> errors = compile(snippets, classes);
        assertEquals(List.of(), errors, readme + ": snippets that do not compile");
    }

    @Test
    void theSyncExampleOfToolTestingRuns() throws Exception {
        List<Snippet> snippets = snippets(Path.of("../tool-testing/README.md"));
        assertEquals(List.of(), compile(snippets, classes));
        List<String> properties = List.of("toolwire.public-url", "toolwire.hamsa.base-url", "toolwire.hamsa.api-key",
                "toolwire.auth.jwt.secret", "toolwire.auth.header.values");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> test = loader.loadClass("MySyncTest");
            Method sync = test.getDeclaredMethod("syncCreatesMyTools");
            sync.setAccessible(true);
            var constructor = test.getDeclaredConstructor();
            constructor.setAccessible(true);
            sync.invoke(constructor.newInstance());
            Method stop = test.getDeclaredMethod("stop");
            stop.setAccessible(true);
            stop.invoke(null);
        } finally {
            properties.forEach(System::clearProperty);
        }
    }

    @Test
    void aFragmentIsReported() {
        List<String> errors = compile(List.of(new Snippet(Path.of("README.md"), 7,
                "public static void main(String[] args) {\n    Toolwire.run(Application.class, args);\n}\n")), classes);
        assertTrue(errors.size() == 1 && errors.get(0).contains("README.md:7"), errors.toString());
    }

    private record Snippet(Path readme, int line, String source) {

        String typeName() {
            Matcher type = TYPE_NAME.matcher(source);
            return type.find() ? (type.group(1) != null ? type.group(1) : type.group(2)) : "";
        }
    }

    private static List<Snippet> snippets(Path readme) {
        try {
            String text = Files.readString(readme, StandardCharsets.UTF_8);
            List<Snippet> snippets = new ArrayList<>();
            Matcher block = JAVA_BLOCK.matcher(text);
            while (block.find()) {
                int line = (int) text.substring(0, block.start()).chars().filter(c -> c == '\n').count() + 2;
                snippets.add(new Snippet(readme, line, block.group(1)));
            }
            return snippets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles the snippets together into {@code output}; returns one message per problem. */
    private static List<String> compile(List<Snippet> snippets, Path output) {
        List<String> problems = new ArrayList<>();
        List<JavaFileObject> sources = new ArrayList<>();
        for (Snippet snippet : snippets) {
            String name = snippet.typeName();
            if (name.isEmpty()) {
                problems.add(snippet.readme() + ":" + snippet.line() + ": not a complete source file (no top-level type)");
                continue;
            }
            // javac wants a public type in a file of its name; the folder tells the snippets apart.
            sources.add(new SimpleJavaFileObject(URI.create("string:///line" + snippet.line() + "/" + name + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return snippet.source();
                }
            });
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(output.toFile()));
            List<String> options = List.of("-proc:none", "-Xlint:none", "-classpath", System.getProperty("java.class.path"));
            boolean compiled = javac.getTask(null, files, diagnostics, options, null, sources).call();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    problems.add(where(snippets, d) + ": " + d.getMessage(Locale.ROOT));
                }
            }
            if (!compiled && problems.isEmpty()) {
                problems.add("javac failed without an error message");
            }
        } catch (IOException e) {
            fail(e);
        }
        return problems;
    }

    private static String where(List<Snippet> snippets, Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null) {
            return "?";
        }
        String file = d.getSource().getName();
        for (Snippet snippet : snippets) {
            if (file.contains("/line" + snippet.line() + "/")) {
                return snippet.readme() + ":" + (snippet.line() + d.getLineNumber() - 1);
            }
        }
        return file;
    }
}
