package dev.toolwire.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps README.md honest: its catalogue lists every {@link ErrorId}, and its example is the real output. */
class ReadmeTest {
    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    }

    @Test
    void catalogue_listsEveryErrorId() throws IOException {
        String readme = readme();
        for (ErrorId id : ErrorId.values()) {
            assertThat(readme).contains("| `" + id.name() + "`");
        }
    }

    @Test
    void example_isTheGeneratedDescriptor() throws IOException {
        String readme = readme();
        int start = readme.indexOf("```json\n") + "```json\n".length();
        String example = readme.substring(start, readme.indexOf("```", start));
        assertThat(example).isEqualTo(DescriptorGoldenTest.resource("expected/lookup_customer.json"));
    }
}
