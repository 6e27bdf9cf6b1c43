package dev.toolwire.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.toolwire.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The type table of SPEC §3, one row per Java type: the schema of a single parameter of that type,
 * written compactly (the generated JSON with whitespace removed), and whether it is required.
 */
class TypeMappingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "String                       | {'type':'string'}                                              | true",
        "CharSequence                 | {'type':'string'}                                              | true",
        "char                         | {'maxLength':1,'minLength':1,'type':'string'}                  | true",
        "Character                    | {'maxLength':1,'minLength':1,'type':'string'}                  | true",
        "boolean                      | {'type':'boolean'}                                             | true",
        "Boolean                      | {'type':'boolean'}                                             | true",
        "byte                         | {'type':'integer'}                                             | true",
        "short                        | {'type':'integer'}                                             | true",
        "int                          | {'type':'integer'}                                             | true",
        "long                         | {'type':'integer'}                                             | true",
        "Integer                      | {'type':'integer'}                                             | true",
        "Long                         | {'type':'integer'}                                             | true",
        "java.math.BigInteger         | {'type':'integer'}                                             | true",
        "float                        | {'type':'number'}                                              | true",
        "double                       | {'type':'number'}                                              | true",
        "Double                       | {'type':'number'}                                              | true",
        "java.math.BigDecimal         | {'type':'number'}                                              | true",
        "Color                        | {'enum':['dark_red','green'],'type':'string'}                  | true",
        "java.time.LocalDate          | {'format':'date','type':'string'}                              | true",
        "java.time.LocalTime          | {'format':'time','type':'string'}                              | true",
        "java.time.OffsetDateTime     | {'format':'date-time','type':'string'}                         | true",
        "java.time.ZonedDateTime      | {'format':'date-time','type':'string'}                         | true",
        "java.time.Instant            | {'format':'date-time','type':'string'}                         | true",
        "java.time.LocalDateTime      | {'format':'date-time','type':'string'}                         | true",
        "java.time.Duration           | {'format':'duration','type':'string'}                          | true",
        "UUID                         | {'format':'uuid','type':'string'}                              | true",
        "java.net.URI                 | {'format':'uri','type':'string'}                               | true",
        "java.net.URL                 | {'format':'uri','type':'string'}                               | true",
        "List<String>                 | {'items':{'type':'string'},'type':'array'}                     | true",
        "Collection<Long>             | {'items':{'type':'integer'},'type':'array'}                    | true",
        "ArrayList<String>            | {'items':{'type':'string'},'type':'array'}                     | true",
        "String[]                     | {'items':{'type':'string'},'type':'array'}                     | true",
        "int[][]                      | {'items':{'items':{'type':'integer'},'type':'array'},'type':'array'} | true",
        "Set<Color>                   | {'items':{'enum':['dark_red','green'],'type':'string'},'type':'array','uniqueItems':true} | true",
        "Map<String, Integer>         | {'additionalProperties':{'type':'integer'},'type':'object'}    | true",
        "Map<String, List<String>>    | {'additionalProperties':{'items':{'type':'string'},'type':'array'},'type':'object'} | true",
        "Optional<String>             | {'type':'string'}                                              | false",
        "Optional<List<Integer>>      | {'items':{'type':'integer'},'type':'array'}                    | false",
        "OptionalInt                  | {'type':'integer'}                                             | false",
        "OptionalLong                 | {'type':'integer'}                                             | false",
        "OptionalDouble               | {'type':'number'}                                              | false",
        "Point                        | {'properties':{'x':{'type':'integer'},'y':{'type':'integer'}},'required':['x','y'],'type':'object'} | true",
        "List<@Email String>          | {'items':{'format':'email','type':'string'},'type':'array'}    | true",
        "Optional<@Size(max = 3) String> | {'maxLength':3,'type':'string'}                             | false",
        "@Size(min = 1) List<String>  | {'items':{'type':'string'},'minItems':1,'type':'array'}        | true",
        "@NotEmpty Set<String>        | {'items':{'type':'string'},'minItems':1,'type':'array','uniqueItems':true} | true",
        "@NotBlank String             | {'minLength':1,'type':'string'}                                | true",
        "@Min(2) @Max(5) long         | {'maximum':5,'minimum':2,'type':'integer'}                     | true",
        "@DecimalMin(value = \"0.5\", inclusive = false) double | {'exclusiveMinimum':0.5,'type':'number'} | true",
        "@DecimalMax(value = \"9.75\", inclusive = false) double | {'exclusiveMaximum':9.75,'type':'number'} | true",
        "@Positive int                | {'exclusiveMinimum':0,'type':'integer'}                        | true",
        "@PositiveOrZero int          | {'minimum':0,'type':'integer'}                                 | true",
        "@Negative int                | {'exclusiveMaximum':0,'type':'integer'}                        | true",
        "@NegativeOrZero int          | {'maximum':0,'type':'integer'}                                 | true",
        "@Pattern(regexp = \"^a+$\") String | {'pattern':'^a+$','type':'string'}                       | true",
        "@Email String                | {'format':'email','type':'string'}                             | true",
        "@Size(max = 4) Map<String, String> | {'additionalProperties':{'type':'string'},'maxProperties':4,'type':'object'} | true",
        "@io.micronaut.core.annotation.Nullable String | {'type':'string'}                              | false",
        "@jakarta.annotation.Nullable Integer | {'type':'integer'}                                     | false",
        "@ToolParam(required = false) String | {'type':'string'}                                       | false",
        "@ToolParam(required = false) @NotNull String | {'type':'string'}                              | true",
        "@ToolParam(defaultValue = \"3\") int | {'default':3,'type':'integer'}                         | false",
        "@ToolParam(defaultValue = \"2.50\") BigDecimal | {'default':2.50,'type':'number'}               | false",
        "@ToolParam(defaultValue = \"true\") boolean | {'default':true,'type':'boolean'}               | false",
        "@ToolParam(defaultValue = \"DARK_RED\") Color | {'default':'dark_red','enum':['dark_red','green'],'type':'string'} | false",
        "@ToolParam(defaultValue = \"green\") Color | {'default':'green','enum':['dark_red','green'],'type':'string'} | false",
        "@ToolParam(defaultValue = \"2026-01-31\") java.time.LocalDate | {'default':'2026-01-31','format':'date','type':'string'} | false",
        "@ToolParam(example = \"42\") long | {'examples':[42],'type':'integer'}                        | true",
        "@ToolParam(description = \"Short.\") String | {'description':'Short.','type':'string'}          | true",
    })
    void type_mapsToSchema(String declaration, String expectedSchema, boolean required) {
        JavaFileObject file = source("Mapping",
                "import java.math.BigDecimal;",
                "public class Mapping {",
                "  public enum Color { DARK_RED, GREEN }",
                "  @Serdeable public record Point(int x, int y) {}",
                "  @Tool(description = \"Maps one type.\")",
                "  public void map(" + declaration + " value) {}",
                "}");
        Compilation compilation = Compilations.compile(List.of(), file);
        assertThat(compilation).succeededWithoutWarnings();
        String json = Compilations.descriptor(compilation, "map").orElseThrow();
        String params = json.substring(json.indexOf("\"params\""), json.indexOf("\"path\"")).replaceAll("\\s+", "");
        String expected = expectedSchema.replace('\'', '"');
        assertThat(params).contains("\"properties\":{\"value\":" + expected + "}");
        assertThat(params.contains("\"required\":[\"value\"]")).isEqualTo(required);
    }
}
