package dev.toolwire.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.micronaut.annotation.processing.AggregatingTypeElementVisitorProcessor;
import io.micronaut.annotation.processing.BeanDefinitionInjectProcessor;
import io.micronaut.annotation.processing.TypeElementVisitorProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Runs Micronaut's processors, which load {@link ToolVisitor} and {@link ToolTransformer} from META-INF/services. */
final class Compilations {
    /** Stand-in for the runtime's context type; the generator matches it by name only. */
    static final JavaFileObject TOOL_CONTEXT = JavaFileObjects.forSourceLines("dev.toolwire.runtime.ToolContext",
            "package dev.toolwire.runtime;",
            "public interface ToolContext {}");

    /** Stand-in for Reactive Streams' {@code Publisher}, which tools may return; the generator does not need it. */
    static final JavaFileObject PUBLISHER = JavaFileObjects.forSourceLines("org.reactivestreams.Publisher",
            "package org.reactivestreams;",
            "public interface Publisher<T> {}");

    private Compilations() {}

    static Compilation compile(List<String> options, JavaFileObject... sources) {
        List<JavaFileObject> all = new ArrayList<>(Arrays.asList(sources));
        all.add(TOOL_CONTEXT);
        all.add(PUBLISHER);
        List<String> javacOptions = new ArrayList<>(options);
        javacOptions.add("-parameters");
        return Compiler.javac()
                .withProcessors(new TypeElementVisitorProcessor(), new AggregatingTypeElementVisitorProcessor(),
                        new BeanDefinitionInjectProcessor())
                .withOptions(javacOptions)
                .compile(all);
    }

    static Compilation compile(JavaFileObject... sources) {
        return compile(List.of(), sources);
    }

    static Optional<String> descriptor(Compilation compilation, String toolName) {
        return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/toolwire/tools/" + toolName + ".json")
                .map(Compilations::content);
    }

    static String content(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
