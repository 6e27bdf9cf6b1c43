package dev.toolwire.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.toolwire.processor.Compilations.compile;
import static dev.toolwire.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One negative test (at least) per {@link ErrorId}: the ID, the file, the line, and that processing went on. */
class ToolValidationTest {

    private static JavaFileObject weatherTools(String... members) {
        String[] lines = new String[members.length + 2];
        lines[0] = "public class WeatherTools {";
        System.arraycopy(members, 0, lines, 1, members.length);
        lines[lines.length - 1] = "}";
        return source("WeatherTools", lines);
    }

    private static void assertFailsWith(Compilation compilation, int errors, String id, JavaFileObject file, String line) {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(errors);
        assertThat(compilation).hadErrorContaining("[" + id + "]").inFile(file).onLineContaining(line);
        assertNoInternalError(compilation);
    }

    private static void assertNoInternalError(Compilation compilation) {
        for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
            assertThat(d.getMessage(null)).doesNotContain("[ToolInternalError]");
        }
    }

    /** Descriptors written, from the {@code -Atoolwire.debug} notes: a failed compilation hides its generated files. */
    private static List<String> written(Compilation compilation) {
        return compilation.notes().stream()
                .map(d -> d.getMessage(null))
                .filter(m -> m.startsWith("[toolwire] wrote "))
                .map(m -> m.substring("[toolwire] wrote ".length()))
                .toList();
    }

    @Test
    void privateMethod_isRejected() {
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Current weather\")",
                "  private String current(String city) { return city; }");
        Compilation c = compile(file);
        assertFailsWith(c, 1, "ToolMethodPrivate", file, "private String current(");
        assertThat(c).hadErrorContaining("WeatherTools.current(String) is private");
    }

    @Test
    void privateMethodOfABean_getsOnlyToolwiresError() {
        JavaFileObject file = source("WeatherBean",
                "@jakarta.inject.Singleton",
                "public class WeatherBean {",
                "  @Tool(description = \"Current weather\")",
                "  private String current(String city) { return city; }",
                "}");
        Compilation c = compile(file);
        assertFailsWith(c, 1, "ToolMethodPrivate", file, "private String current(");
        for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
            assertThat(d.getMessage(null)).doesNotContain("ReflectiveAccess");
        }
    }

    @Test
    void packagePrivateMethod_isAccepted() {
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Current weather\")",
                "  String current(String city) { return city; }");
        assertThat(compile(file)).succeededWithoutWarnings();
    }

    @Test
    void staticMethod_isRejected() {
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Current weather\")",
                "  public static String current(String city) { return city; }");
        assertFailsWith(compile(file), 1, "ToolMethodStatic", file, "static String current(");
    }

    @Test
    void genericMethod_isRejected() {
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Current weather\")",
                "  public <T> String current(String city) { return city; }");
        assertFailsWith(compile(file), 1, "ToolMethodGeneric", file, "<T> String current(");
    }

    @Test
    void methodOfNonStaticInnerClass_isRejected() {
        JavaFileObject file = weatherTools(
                "  public class Inner {",
                "    @Tool(description = \"Current weather\")",
                "    public String current(String city) { return city; }",
                "  }");
        Compilation c = compile(file);
        assertFailsWith(c, 1, "ToolEnclosingType", file, "public String current(");
        assertThat(c).hadErrorContaining("non-static inner class WeatherTools.Inner");
    }

    @Test
    void invalidName_isReportedOnTheAnnotationValue() {
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Current weather\",",
                "        name = \"get weather\")",
                "  public String current(String city) { return city; }");
        Compilation c = compile(file);
        assertFailsWith(c, 1, "ToolNameInvalid", file, "name = \"get weather\"");
        assertThat(c).hadErrorContaining("'get weather'");
    }

    @Test
    void tooLongName_isRejected() {
        String name = "a".repeat(65);
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Current weather\", name = \"" + name + "\")",
                "  public String current(String city) { return city; }");
        assertFailsWith(compile(file), 1, "ToolNameInvalid", file, name);
    }

    @Test
    void duplicateName_isReportedOnBothMethods() {
        JavaFileObject weather = weatherTools(
                "  @Tool(description = \"Current weather\")",
                "  public String current(String city) { return city; }");
        JavaFileObject legacy = source("LegacyTools",
                "public class LegacyTools {",
                "  @Tool(description = \"Old current weather\", name = \"current\")",
                "  public String legacyCurrent(String city) { return city; }",
                "}");
        Compilation c = compile(List.of("-Atoolwire.debug"), weather, legacy);
        assertFailsWith(c, 2, "ToolNameDuplicate", weather, "public String current(");
        assertThat(c).hadErrorContaining("[ToolNameDuplicate]").inFile(legacy).onLineContaining("legacyCurrent(");
        assertThat(c).hadErrorContaining("Tool name 'current' is used by 2 methods");
        assertThat(written(c)).isEmpty();
    }

    @Test
    void twoParametersWithOneWireName_areRejected() {
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Current weather\")",
                "  public String current(@ToolParam(name = \"city\") String town,",
                "                        String city) { return city; }");
        Compilation c = compile(file);
        assertFailsWith(c, 1, "ToolParamNameDuplicate", file, "String city)");
        assertThat(c).hadErrorContaining("'city', which 'town' already uses");
    }

    @Test
    void twoPropertiesWithOneWireName_areRejected() {
        JavaFileObject file = weatherTools(
                "  @Serdeable public record Place(String postCode,",
                "      @ToolParam(name = \"post_code\") String zip) {}",
                "  @Tool(description = \"Current weather\")",
                "  public String current(Place place) { return \"\"; }");
        assertFailsWith(compile(file), 1, "ToolParamNameDuplicate", file, "String zip");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Object                 | type java.lang.Object",
        "Calendar               | java.time.OffsetDateTime or String",
        "java.util.Date         | java.time.OffsetDateTime or java.time.LocalDate",
        "List                   | the type variable 'E' (or a raw type)",
        "Map<Integer, String>   | a map with java.lang.Integer keys",
        "List<?>                | a wildcard type argument",
        "Optional<Runnable>     | type java.lang.Runnable",
        "byte[]                 | String (base64) or List<Integer>",
        "Thread                 | type java.lang.Thread",
    })
    void unsupportedType_isRejectedWithAnAlternative(String type, String phrase) {
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Current weather\")",
                "  public String current(String city,",
                "      " + type + " when) { return city; }");
        Compilation c = compile(file);
        assertFailsWith(c, 1, "ToolParamTypeUnsupported", file, type + " when");
        assertThat(c).hadErrorContaining(phrase);
    }

    @Test
    void unsupportedPropertyType_isReportedOnTheProperty() {
        JavaFileObject file = weatherTools(
                "  @Serdeable public record Slot(String id,",
                "      Calendar at) {}",
                "  @Tool(description = \"Book\")",
                "  public String book(Slot slot) { return \"\"; }");
        Compilation c = compile(file);
        assertFailsWith(c, 1, "ToolParamTypeUnsupported", file, "Calendar at");
        assertThat(c).hadErrorContaining("property 'at' of WeatherTools.Slot (in WeatherTools.book(WeatherTools.Slot))");
    }

    @Test
    void recursiveType_isRejected() {
        JavaFileObject file = weatherTools(
                "  @Serdeable public record Node(String name, List<Node> children) {}",
                "  @Tool(description = \"Tree\")",
                "  public String tree(Node root) { return \"\"; }");
        Compilation c = compile(file);
        assertThat(c).failed();
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[ToolParamTypeRecursive]").inFile(file).onLineContaining("record Node(");
        assertThat(c).hadErrorContaining("(WeatherTools.Node -> WeatherTools.Node)");
        assertNoInternalError(c);
    }

    @Test
    void typeWithoutSerdeable_isRejected() {
        JavaFileObject file = weatherTools(
                "  public record Place(String city) {}",
                "  @Tool(description = \"Current weather\")",
                "  public String current(Place place) { return \"\"; }");
        Compilation c = compile(file);
        assertFailsWith(c, 1, "ToolParamTypeNotSerdeable", file, "current(Place place)");
        assertThat(c).hadErrorContaining("Add @Serdeable to WeatherTools.Place");
    }

    @Test
    void deserializableOnly_isEnough() {
        JavaFileObject file = weatherTools(
                "  @Serdeable.Deserializable public record Place(String city) {}",
                "  @Tool(description = \"Current weather\")",
                "  public String current(Place place) { return \"\"; }");
        assertThat(compile(file)).succeededWithoutWarnings();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "int            | abc        | not an integer",
        "byte           | 300        | out of range for byte",
        "boolean        | yes        | 'true' or 'false'",
        "java.time.LocalDate | 2026-02-30 | not an ISO-8601 value",
        "java.util.UUID | 42         | not a UUID",
        "List<String>   | a          | cannot have a default",
        "char           | ab         | exactly one character",
        "@Min(1) int    | 0          | below the minimum 1",
        "@Positive long | 0          | not above 0",
        "@Size(max = 2) String | abc | longer than 2 characters",
        "@Pattern(regexp = \"^[a-z]+$\") String | ABC | does not match the pattern",
    })
    void invalidDefault_isReportedOnTheAnnotationValue(String type, String value, String phrase) {
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Forecast\")",
                "  public String forecast(",
                "      @ToolParam(defaultValue = \"" + value + "\") " + type + " days) { return \"\"; }");
        Compilation c = compile(file);
        assertFailsWith(c, 1, "ToolParamDefaultInvalid", file, "defaultValue = \"" + value + "\"");
        assertThat(c).hadErrorContaining(phrase);
    }

    @Test
    void invalidEnumDefault_namesTheConstants() {
        JavaFileObject file = weatherTools(
                "  public enum Unit { CELSIUS, FAHRENHEIT }",
                "  @Tool(description = \"Forecast\")",
                "  public String forecast(@ToolParam(defaultValue = \"KELVIN\") Unit unit) { return \"\"; }");
        Compilation c = compile(file);
        assertFailsWith(c, 1, "ToolParamDefaultInvalid", file, "KELVIN");
        assertThat(c).hadErrorContaining("not one of [CELSIUS, FAHRENHEIT]");
    }

    @Test
    void invalidExample_isRejected() {
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Forecast\")",
                "  public String forecast(@ToolParam(example = \"soon\") java.time.LocalDate day) { return \"\"; }");
        assertFailsWith(compile(file), 1, "ToolParamExampleInvalid", file, "example = \"soon\"");
    }

    @ParameterizedTest
    @CsvSource({"weather/current", "/weather/{city", "/weather/{city}}", "/weather//now", "/weather now", "/a/{}"})
    void invalidPath_isRejected(String path) {
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Current weather\",",
                "        path = \"" + path + "\")",
                "  public String current(String city) { return city; }");
        assertFailsWith(compile(file), 1, "ToolPathInvalid", file, "path = ");
    }

    @Test
    void repeatedPlaceholder_isRejected() {
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Current weather\", path = \"/weather/{city}/{city}\")",
                "  public String current(String city) { return city; }");
        Compilation c = compile(file);
        assertFailsWith(c, 1, "ToolPathInvalid", file, "path = ");
        assertThat(c).hadErrorContaining("repeats the placeholder '{city}'");
    }

    @Test
    void unknownPlaceholder_isRejected() {
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Order status\", path = \"/orders/{id}\")",
                "  public String status(String orderId) { return orderId; }");
        Compilation c = compile(file);
        assertFailsWith(c, 1, "ToolPathPlaceholderUnknown", file, "/orders/{id}");
        assertThat(c).hadErrorContaining("wire name [order_id]");
    }

    @Test
    void nonScalarPathParameter_isRejectedOnTheParameter() {
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Orders\", path = \"/orders/{ids}\")",
                "  public String status(",
                "      List<String> ids) { return \"\"; }");
        assertFailsWith(compile(file), 1, "ToolPathParamTypeUnsupported", file, "List<String> ids");
    }

    @Test
    void zeroTimeout_isRejected() {
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Current weather\", timeoutSeconds = 0)",
                "  public String current(String city) { return city; }");
        assertFailsWith(compile(file), 1, "ToolTimeoutInvalid", file, "timeoutSeconds = 0");
    }

    @Test
    void jobAcknowledgingAfterItsTimeout_isRejected() {
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Forecast\", timeoutSeconds = 5)",
                "  @Job(acknowledgeWithinSeconds = 5)",
                "  public String forecast(String city) { return city; }");
        Compilation c = compile(file);
        assertFailsWith(c, 1, "ToolJobSettingsInvalid", file, "acknowledgeWithinSeconds = 5");
        assertThat(c).hadErrorContaining("less than the tool's timeoutSeconds (5)");
    }

    @Test
    void jobWithoutRetention_isRejected() {
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Forecast\", timeoutSeconds = 60)",
                "  @Job(retainMinutes = 0)",
                "  public String forecast(String city) { return city; }");
        assertFailsWith(compile(file), 1, "ToolJobSettingsInvalid", file, "retainMinutes = 0");
    }

    @Test
    void jobWhoseStatusNameIsTooLong_isRejected() {
        String name = "a".repeat(60);
        JavaFileObject file = weatherTools(
                "  @Tool(name = \"" + name + "\", description = \"Forecast\", timeoutSeconds = 60)",
                "  @Job",
                "  public String forecast(String city) { return city; }");
        Compilation c = compile(file);
        assertFailsWith(c, 1, "ToolJobStatusNameInvalid", file, "public String forecast(");
        assertThat(c).hadErrorContaining("'" + name + "_status'");
    }

    @Test
    void jobStatusNameTakenByALaterTool_isReportedOnBoth() {
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Forecast\", timeoutSeconds = 60)",
                "  @Job",
                "  public String forecast(String city) { return city; }",
                "  @Tool(description = \"Status\")",
                "  public String forecastStatus(String city) { return city; }",
                "  @Tool(description = \"Fine\")",
                "  public String fine(String city) { return city; }");
        Compilation c = compile(List.of("-Atoolwire.debug"), file);
        assertThat(c).hadErrorCount(2);
        assertThat(c).hadErrorContaining("[ToolJobStatusNameDuplicate]").inFile(file).onLineContaining("String forecast(");
        assertThat(c).hadErrorContaining("[ToolJobStatusNameDuplicate]").inFile(file)
                .onLineContaining("String forecastStatus(");
        assertNoInternalError(c);
        assertThat(written(c)).containsExactly("META-INF/toolwire/tools/fine.json");
    }

    @Test
    void jobStatusNameOfAnEarlierTool_isReportedOnBoth() {
        JavaFileObject file = weatherTools(
                "  @Tool(name = \"forecast_status\", description = \"Status\")",
                "  public String status(String city) { return city; }",
                "  @Tool(description = \"Forecast\", timeoutSeconds = 60)",
                "  @Job",
                "  public String forecast(String city) { return city; }");
        Compilation c = compile(file);
        assertThat(c).hadErrorCount(2);
        assertThat(c).hadErrorContaining("[ToolJobStatusNameDuplicate] The job status tool 'forecast_status'")
                .inFile(file).onLineContaining("String forecast(");
        assertNoInternalError(c);
    }

    @Test
    void zeroDeduplicationWindow_isRejected() {
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Book\")",
                "  @Idempotent(windowSeconds = 0)",
                "  public String book(String city) { return city; }");
        assertFailsWith(compile(file), 1, "ToolDeduplicationWindowInvalid", file, "windowSeconds = 0");
    }

    @Test
    void jobOrIdempotentWithoutTool_isAnError() {
        JavaFileObject file = source("WeatherTools",
                "public class WeatherTools {",
                "  @Job",
                "  public String report(String city) { return city; }",
                "  @Idempotent",
                "  public String book(String city) { return city; }",
                "}");
        Compilation c = compile(file);
        assertThat(c).failed();
        assertThat(c).hadErrorCount(2);
        assertThat(c).hadErrorContaining("[ToolAnnotationMissing] @Job on").inFile(file).onLineContaining("report(");
        assertThat(c).hadErrorContaining("[ToolAnnotationMissing] @Idempotent on").inFile(file).onLineContaining("book(");
        assertNoInternalError(c);
    }

    @Test
    void missingDescription_isAWarning() {
        JavaFileObject file = weatherTools(
                "  @Tool",
                "  public String current(String city) { return city; }");
        Compilation c = compile(file);
        assertThat(c).succeeded();
        assertThat(c).hadWarningCount(1);
        assertThat(c).hadWarningContaining("[ToolDescriptionMissing]").inFile(file).onLineContaining("current(");
        assertThat(Compilations.descriptor(c, "current")).isPresent();
    }

    @Test
    void missingDescription_canBeSuppressedOnTheClass() {
        JavaFileObject file = source("WeatherTools",
                "@SuppressWarnings(\"toolwire:ToolDescriptionMissing\")",
                "public class WeatherTools {",
                "  @Tool",
                "  public String current(String city) { return city; }",
                "}");
        assertThat(compile(List.of("-Atoolwire.strict=true"), file)).succeededWithoutWarnings();
    }

    @Test
    void missingDescription_isAnErrorInStrictMode() {
        JavaFileObject file = weatherTools(
                "  @Tool",
                "  public String current(String city) { return city; }");
        Compilation c = compile(List.of("-Atoolwire.strict=true", "-Atoolwire.debug"), file);
        assertFailsWith(c, 1, "ToolDescriptionMissing", file, "current(");
        assertThat(c).hadErrorContaining("-Atoolwire.strict=true");
        assertThat(written(c)).isEmpty();
    }

    @Test
    void everyErrorOfAMethod_isReported_andOtherToolsStillGetDescriptors() {
        JavaFileObject file = weatherTools(
                "  @Tool(description = \"Broken\", timeoutSeconds = -1, path = \"/x/{nope}\")",
                "  static String broken(Object what) { return \"\"; }",
                "  @Tool(description = \"Fine\")",
                "  public String fine(String city) { return city; }");
        Compilation c = compile(List.of("-Atoolwire.debug"), file);
        assertThat(c).hadErrorCount(4);
        assertThat(c).hadErrorContaining("[ToolMethodStatic]");
        assertThat(c).hadErrorContaining("[ToolTimeoutInvalid]");
        assertThat(c).hadErrorContaining("[ToolParamTypeUnsupported]");
        assertThat(c).hadErrorContaining("[ToolPathPlaceholderUnknown]");
        assertNoInternalError(c);
        assertThat(written(c)).containsExactly("META-INF/toolwire/tools/fine.json");
    }
}
