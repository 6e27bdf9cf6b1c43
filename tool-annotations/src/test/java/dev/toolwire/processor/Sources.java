package dev.toolwire.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;

/** Inline test sources in package {@code test} with the imports every fixture needs. */
final class Sources {
    private Sources() {}

    static JavaFileObject source(String simpleName, String... lines) {
        List<String> all = new ArrayList<>(List.of(
                "package test;",
                "import dev.toolwire.annotations.*;",
                "import dev.toolwire.runtime.ToolContext;",
                "import io.micronaut.serde.annotation.Serdeable;",
                "import jakarta.validation.constraints.*;",
                "import java.util.*;"));
        all.addAll(Arrays.asList(lines));
        return JavaFileObjects.forSourceLines("test." + simpleName, all);
    }
}
