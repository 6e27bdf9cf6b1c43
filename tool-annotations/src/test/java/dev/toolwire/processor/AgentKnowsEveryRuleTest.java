package dev.toolwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.common.truth.Truth.assertThat;
import static dev.toolwire.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * What the runtime enforces, the agent is told: constraints JSON Schema cannot express are said in the
 * argument's description and noted by the build; schema properties keep the order they were written in.
 */
class AgentKnowsEveryRuleTest {

    @Test
    void constraintsTheSchemaCannotSay_areSaidInTheDescription_andNoted() {
        Compilation compilation = Compilations.compile(List.of(),
                source("ValidSku",
                        "import java.lang.annotation.*;",
                        "import jakarta.validation.Constraint;",
                        "import jakarta.validation.Payload;",
                        "@Constraint(validatedBy = {})",
                        "@Retention(RetentionPolicy.RUNTIME)",
                        "@Target({ElementType.PARAMETER, ElementType.FIELD})",
                        "public @interface ValidSku {",
                        "  String message() default \"{test.ValidSku.message}\";",
                        "  Class<?>[] groups() default {};",
                        "  Class<? extends Payload>[] payload() default {};",
                        "}"),
                source("Deliveries",
                        "public class Deliveries {",
                        "  /**",
                        "   * Books a delivery.",
                        "   *",
                        "   * @param day the day to deliver",
                        "   * @param amount what the caller pays",
                        "   * @param sku the article",
                        "   * @param born when the recipient was born",
                        "   * @return the booking",
                        "   */",
                        "  @Tool",
                        "  public String bookDelivery(@Future java.time.LocalDate day,",
                        "      @Digits(integer = 5, fraction = 2) java.math.BigDecimal amount,",
                        "      @ValidSku String sku,",
                        "      @PastOrPresent(message = \"the date of birth, not after today\") java.time.LocalDate born) {",
                        "    return \"ok\";",
                        "  }",
                        "}"));

        assertThat(compilation).succeededWithoutWarnings();
        String json = Compilations.descriptor(compilation, "book_delivery").orElseThrow();
        assertThat(json).contains("\"description\": \"The day to deliver. Must be in the future.\"");
        assertThat(json).contains(
                "\"description\": \"What the caller pays. At most 5 digits before the decimal point and 2 digits after it.\"");
        assertThat(json).contains("\"description\": \"The article. Must be a valid sku.\"");
        assertThat(json).contains("\"description\": \"When the recipient was born. The date of birth, not after today.\"");
        assertThat(compilation.diagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
                .map(d -> d.getMessage(null))
                .filter(m -> m.contains("[toolwire]") && m.contains("cannot express"))
                .count()).isEqualTo(4L);
    }

    @Test
    void schemaPropertiesKeepTheParameterOrder() {
        Compilation compilation = Compilations.compile(List.of(), source("Pharmacy",
                "public class Pharmacy {",
                "  /** Refills a prescription. @param zipCode z @param rxNumber r @param apartment a @return done */",
                "  @Tool",
                "  public String refill(String zipCode, String rxNumber, String apartment) { return \"ok\"; }",
                "}"));

        assertThat(compilation).succeededWithoutWarnings();
        String json = Compilations.descriptor(compilation, "refill").orElseThrow();
        int zip = json.indexOf("\"zip_code\": {");
        int rx = json.indexOf("\"rx_number\": {");
        int apartment = json.indexOf("\"apartment\": {");
        assertThat(zip).isGreaterThan(-1);
        assertThat(zip).isLessThan(rx);
        assertThat(rx).isLessThan(apartment);
    }
}
