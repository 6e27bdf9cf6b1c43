package dev.toolwire.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.toolwire.processor.Sources.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The descriptor's {@code outputSchema}, one row per return type: the success body as the runtime
 * writes it (objects as themselves, scalars wrapped as {@code result}, nothing as {@code success}),
 * named like the arguments, and no schema at all, never an error, for a result that has none.
 */
class OutputSchemaTest {

    /** Stand-in for Jackson's annotation, which the generator matches by name. */
    private static final JavaFileObject JSON_PROPERTY = JavaFileObjects.forSourceLines(
            "com.fasterxml.jackson.annotation.JsonProperty",
            "package com.fasterxml.jackson.annotation;",
            "import java.lang.annotation.*;",
            "@Retention(RetentionPolicy.RUNTIME)",
            "public @interface JsonProperty { String value() default \"\"; }");
    private static final JavaFileObject JSON_IGNORE = JavaFileObjects.forSourceLines(
            "com.fasterxml.jackson.annotation.JsonIgnore",
            "package com.fasterxml.jackson.annotation;",
            "import java.lang.annotation.*;",
            "@Retention(RetentionPolicy.RUNTIME)",
            "public @interface JsonIgnore {}");

    private static final String SHIPMENT = "{'properties':{'tracking_id':{'description':'The carrier id.','type':'string'},"
            + "'method':{'enum':['home_delivery','pick_up'],'type':'string'},'open_24_hours':{'type':'boolean'}},'type':'object'}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Shipment                                  | " + SHIPMENT,
        "java.util.concurrent.CompletionStage<Shipment> | " + SHIPMENT,
        "java.util.concurrent.CompletableFuture<Optional<Shipment>> | " + SHIPMENT,
        "org.reactivestreams.Publisher<Shipment>   | " + SHIPMENT,
        "List<Shipment>                            | {'items':" + SHIPMENT + ",'type':'array'}",
        "Map<String, Method>                       | {'additionalProperties':{'enum':['home_delivery','pick_up'],'type':'string'},'type':'object'}",
        "String                                    | {'properties':{'result':{'type':'string'}},'required':['result'],'type':'object'}",
        "Method                                    | {'properties':{'result':{'enum':['home_delivery','pick_up'],'type':'string'}},'required':['result'],'type':'object'}",
        "java.time.LocalDate                       | {'properties':{'result':{'format':'date','type':'string'}},'required':['result'],'type':'object'}",
        "void                                      | {'properties':{'success':{'type':'boolean'}},'required':['success'],'type':'object'}",
        "java.util.concurrent.CompletionStage<Void> | {'properties':{'success':{'type':'boolean'}},'required':['success'],'type':'object'}",
        "Renamed                                   | {'properties':{'shipmentRef':{'type':'string'},'weight_kg':{'type':'number'}},'type':'object'}",
        "SelfNamed                                 | {'properties':{'store_name':{'type':'string'},'open24_hours':{'type':'boolean'}},'type':'object'}",
        "Kebab                                     | {'properties':{'store-name':{'type':'string'}},'type':'object'}",
        "OwnStrategy                               | ",
        "Object                                    | ",
        "Map<String, Object>                       | ",
        "Node                                      | ",
        "NotSerdeable                              | ",
    })
    void returnType_isDescribed(String returnType, String expectedSchema) {
        JavaFileObject file = source("Results",
                "import com.fasterxml.jackson.annotation.*;",
                "public class Results {",
                "  public enum Method { HOME_DELIVERY, PICK_UP }",
                "  /**",
                "   * A shipment.",
                "   * @param trackingId The carrier id.",
                "   */",
                "  @Serdeable public record Shipment(String trackingId, Method method, boolean open24Hours) {",
                "    /** Not a component: a derived value Micronaut Serialization does not write. */",
                "    public boolean late() { return false; }",
                "  }",
                "  @Serdeable public record Renamed(@JsonProperty(\"shipmentRef\") String reference,",
                "      @ToolParam(name = \"weight_kg\") double weight, @JsonIgnore String secret) {}",
                "  @Serdeable public record Node(String name, List<Node> children) {}",
                "  @Serdeable(naming = io.micronaut.serde.config.naming.SnakeCaseStrategy.class)",
                "  public record SelfNamed(String storeName, boolean open24Hours) {}",
                "  @Serdeable.Serializable(naming = io.micronaut.serde.config.naming.KebabCaseStrategy.class)",
                "  public record Kebab(String storeName) {}",
                "  public static class Upper implements io.micronaut.serde.config.naming.PropertyNamingStrategy {",
                "    public String translate(io.micronaut.core.annotation.AnnotatedElement e) { return e.getName().toUpperCase(); }",
                "  }",
                "  @Serdeable(naming = Upper.class) public record OwnStrategy(String storeName) {}",
                "  public record NotSerdeable(String name) {}",
                "  /** Answers one type. */",
                "  @Tool public " + returnType + " answer() { " + (returnType.equals("void") ? "" : "return null; ") + "}",
                "}");
        Compilation compilation = Compilations.compile(List.of(), file, JSON_PROPERTY, JSON_IGNORE);
        assertThat(compilation).succeededWithoutWarnings();
        String json = Compilations.descriptor(compilation, "answer").orElseThrow().replaceAll("\\s+", "");
        if (expectedSchema == null) {
            assertThat(json).doesNotContain("\"outputSchema\"");
        } else {
            assertThat(json).contains("\"outputSchema\":" + expectedSchema.replace('\'', '"').replaceAll("\\s+", ""));
        }
        assertThat(json).contains("\"naming\":\"snake_case\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-Atoolwire.naming=as_is | {'properties':{'customerId':{'type':'string'},'tier':{'enum':['GOLD','SILVER'],'type':'string'}},'type':'object'} | as_is",
        "-Atoolwire.naming=snake_case | {'properties':{'customer_id':{'type':'string'},'tier':{'enum':['gold','silver'],'type':'string'}},'type':'object'} | snake_case",
    })
    void naming_followsTheProcessorOption(String option, String expectedSchema, String naming) {
        JavaFileObject file = source("Named",
                "public class Named {",
                "  public enum Tier { GOLD, SILVER }",
                "  @Serdeable public record Customer(String customerId, Tier tier) {}",
                "  /** Finds one. */",
                "  @Tool public Customer find(String customerId) { return null; }",
                "}");
        Compilation compilation = Compilations.compile(List.of(option), file);
        assertThat(compilation).succeededWithoutWarnings();
        String json = Compilations.descriptor(compilation, "find").orElseThrow().replaceAll("\\s+", "");
        assertThat(json).contains("\"outputSchema\":" + expectedSchema.replace('\'', '"'));
        assertThat(json).contains("\"naming\":\"" + naming + "\"");
    }
}
