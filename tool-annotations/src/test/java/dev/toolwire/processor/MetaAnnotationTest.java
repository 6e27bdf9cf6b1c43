package dev.toolwire.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.toolwire.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Tool} on an annotation type: a team's own annotation carries the settings its tools share,
 * and a method annotated with it is a tool with those settings, its own name and its own schema.
 */
class MetaAnnotationTest {

    private static final JavaFileObject CRM_TOOL = source("CrmTool",
            "import java.lang.annotation.*;",
            "@Tool(auth = AuthMode.HEADER, timeoutSeconds = 7, startMessage = \"Let me check the CRM.\")",
            "@Retention(RetentionPolicy.RUNTIME)",
            "@Target(ElementType.METHOD)",
            "public @interface CrmTool {}");

    @Test
    void aMethodWithAnAnnotationThatCarriesTool_isATool_withItsSettings() {
        Compilation compilation = Compilations.compile(List.of(), CRM_TOOL, source("Contacts",
                "public class Contacts {",
                "  /**",
                "   * Finds a contact.",
                "   *",
                "   * @param contactId the contact",
                "   * @return the name",
                "   */",
                "  @CrmTool",
                "  public String findContact(String contactId) { return contactId; }",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        String json = Compilations.descriptor(compilation, "find_contact").orElseThrow().replaceAll("\\s+", "");
        assertThat(json).contains("\"auth\":\"HEADER\"");
        assertThat(json).contains("\"timeoutSeconds\":7");
        assertThat(json).contains("\"start\":\"Letmecheckthe CRM.\"".replace(" ", ""));
        assertThat(json).contains("\"description\":\"Findsacontact.\"");
        assertThat(json).contains("\"contact_id\"");
    }

    @Test
    void twoToolsWithTheSameAnnotation_eachGetTheirOwnName() {
        Compilation compilation = Compilations.compile(List.of(), CRM_TOOL, source("Deals",
                "public class Deals {",
                "  /** Opens a deal. @param title its title @return its id */",
                "  @CrmTool public String openDeal(String title) { return title; }",
                "  /** Closes a deal. @param dealId the deal @return done */",
                "  @CrmTool public boolean closeDeal(String dealId) { return true; }",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Compilations.descriptor(compilation, "open_deal")).isPresent();
        assertThat(Compilations.descriptor(compilation, "close_deal")).isPresent();
    }
}
