package dev.toolwire.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Happy path: fixtures in {@code good/*.java} compile without warnings and produce exactly the
 * descriptors in {@code expected/*.json}, byte for byte, twice in a row. After a deliberate change of
 * the format, {@code -Dgolden.rewrite=true} writes the new descriptors over the expected files (the
 * test still fails that run, so that the diff is reviewed before it is committed).
 */
class DescriptorGoldenTest {

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("CustomerTools", List.of(), List.of("lookup_customer", "get_order_status", "count_orders")),
                Arguments.of("ShippingTools", List.of("-Atoolwire.naming=as_is"), List.of("book_shipment")),
                Arguments.of("LedgerTools", List.of(),
                        List.of("export_ledger", "export_ledger_status", "record_payment", "close_books")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixture_producesTheExpectedDescriptors(String fixture, List<String> options, List<String> tools) {
        Compilation first = compile(fixture, options);
        Compilation second = compile(fixture, options);
        assertThat(first).succeededWithoutWarnings();
        List<String> written = first.generatedFiles().stream()
                .map(f -> f.getName())
                .filter(n -> n.startsWith("/CLASS_OUTPUT/META-INF/toolwire/tools/"))
                .map(n -> n.substring("/CLASS_OUTPUT/META-INF/toolwire/tools/".length(), n.length() - ".json".length()))
                .toList();
        assertThat(written).containsExactlyElementsIn(tools);
        for (String tool : tools) {
            String actual = Compilations.descriptor(first, tool).orElseThrow();
            if (Boolean.getBoolean("golden.rewrite") && !actual.equals(resource("expected/" + tool + ".json"))) {
                rewrite(tool, actual);
            }
            assertThat(actual).isEqualTo(resource("expected/" + tool + ".json"));
            assertThat(Compilations.descriptor(second, tool)).hasValue(actual);
        }
    }

    private static void rewrite(String tool, String actual) {
        try {
            Files.writeString(Path.of("src/test/resources/expected", tool + ".json"), actual, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("Rewrote expected/" + tool + ".json: review the diff, then run without golden.rewrite");
    }

    private static Compilation compile(String fixture, List<String> options) {
        return Compilations.compile(options, JavaFileObjects.forResource("good/" + fixture + ".java"));
    }

    static String resource(String name) {
        try (InputStream in = DescriptorGoldenTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
