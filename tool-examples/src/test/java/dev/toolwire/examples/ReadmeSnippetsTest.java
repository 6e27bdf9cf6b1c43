package dev.toolwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
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
 * The tool-testing README's sync example also runs, against a real FakeHamsa and the examples, and
 * the README's tutorial service is built with the processors it lists and answers through its
 * command line, on a class path without the examples.
 */
class ReadmeSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern TYPE_NAME = Pattern.compile(
            "(?m)^public\\s+(?:final\\s+|abstract\\s+)*(?:class|record|interface|enum|@interface)\\s+(\\w+)"
                    + "|^(?:final\\s+|abstract\\s+)*(?:class|record|interface|enum|@interface)\\s+(\\w+)");

    private static final ObjectMapper JSON = new ObjectMapper();

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
        List<String> errors = compile(snippets, classes, false);
        assertEquals(List.of(), errors, readme + ": snippets that do not compile");
    }

    @Test
    void theSyncExampleOfToolTestingRuns() throws Exception {
        List<Snippet> snippets = snippets(Path.of("../tool-testing/README.md"));
        assertEquals(List.of(), compile(snippets, classes, false));
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
    void theTutorialServiceIsBuiltAndAnswers() throws Exception {
        List<Snippet> tutorial = section(Path.of("../README.md"), "## Five-minute tutorial");
        assertEquals(List.of(), compile(tutorial, classes, true));
        try (URLClassLoader application = withoutTheExamples(classes)) {
            Class<?> main = application.loadClass("com.example.orders.Application");
            Method execute = application.loadClass("dev.toolwire.runtime.Toolwire")
                    .getMethod("execute", Class.class, PrintStream.class, PrintStream.class, String[].class);
            Output found = call(execute, main, "{\"order_id\": \"ORD-10002\"}");
            assertEquals(0, found.exit(), found.err());
            assertEquals(JSON.readTree("{\"order_id\":\"ORD-10002\",\"status\":\"in transit\",\"carrier\":\"DHL\","
                    + "\"expected_delivery\":\"2026-12-09\"}"), JSON.readTree(found.out()), "the tutorial's answer, in snake_case");
            Output unknown = call(execute, main, "{\"order_id\": \"ORD-99999\"}");
            assertEquals(1, unknown.exit());
            assertTrue(unknown.out().contains("I couldn't find order ORD-99999."), unknown.out());
            Output malformed = call(execute, main, "{\"order_id\": \"12\"}");
            assertEquals(1, malformed.exit());
            assertTrue(malformed.out().contains("INVALID_ARGUMENTS"), malformed.out());
        }
    }

    private record Output(int exit, String out, String err) {}

    /** Runs {@code call get_order_status} in the application's class loader, as its own JVM would. */
    private static Output call(Method execute, Class<?> main, String arguments) throws ReflectiveOperationException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(main.getClassLoader());
        try {
            int exit = (int) execute.invoke(null, main, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    new String[] {"call", "get_order_status", "--args", arguments});
            return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The test class path without this module's own classes (whose get_order_status would clash with
     * the tutorial's), plus the compiled tutorial, under the platform loader: the application as a
     * user's build would have it.
     */
    private static URLClassLoader withoutTheExamples(Path tutorial) throws IOException {
        List<URL> urls = new ArrayList<>(List.of(tutorial.toUri().toURL()));
        Path module = Path.of("target").toAbsolutePath();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!Path.of(entry).toAbsolutePath().startsWith(module)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** The Java snippets between a heading and the next heading of its level. */
    private static List<Snippet> section(Path readme, String heading) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, heading + " not found in " + readme);
        int end = text.indexOf("\n## ", start + heading.length() + 2);
        int firstLine = (int) text.substring(0, start).chars().filter(c -> c == '\n').count() + 1;
        int lastLine = firstLine + (int) text.substring(start, end < 0 ? text.length() : end).chars().filter(c -> c == '\n').count();
        return snippets(readme).stream().filter(s -> s.line() > firstLine && s.line() < lastLine).toList();
    }

    @Test
    void aFragmentIsReported() {
        List<String> errors = compile(List.of(new Snippet(Path.of("README.md"), 7,
                "public static void main(String[] args) {\n    Toolwire.run(Application.class, args);\n}\n")), classes, false);
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

    /**
     * Compiles the snippets together into {@code output}, with the annotation processors of the class
     * path (Micronaut's and Toolwire's generator, as a user's build lists them) or without any;
     * returns one message per problem.
     */
    private static List<String> compile(List<Snippet> snippets, Path output, boolean processors) {
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
            String classPath = System.getProperty("java.class.path");
            List<String> options = processors
                    ? List.of("-parameters", "-Xlint:none", "-classpath", classPath, "-processorpath", classPath)
                    : List.of("-proc:none", "-Xlint:none", "-classpath", classPath);
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
