package dev.toolwire.processor;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.inject.annotation.NamedAnnotationTransformer;
import io.micronaut.inject.visitor.VisitorContext;
import java.lang.annotation.Annotation;
import java.util.List;

/**
 * Keeps {@code @Tool} and gives it {@code @Executable(processOnStartup = true)} as a stereotype, so
 * Micronaut generates reflection-free {@code ExecutableMethod}s for tool methods and the runtime's
 * {@code ExecutableMethodProcessor<Tool>} sees them at startup. A transformer rather than a mapper,
 * because only a stereotype triggers the method processor (stack.md pitfall 7); and rather than a
 * meta-annotation, so the annotations stay free of Micronaut dependencies.
 */
public final class ToolTransformer implements NamedAnnotationTransformer {

    @Override
    public String getName() {
        return Names.TOOL;
    }

    @Override
    public List<AnnotationValue<?>> transform(AnnotationValue<Annotation> annotation, VisitorContext visitorContext) {
        AnnotationValue<Annotation> executable = AnnotationValue.builder(Names.EXECUTABLE)
                .member("processOnStartup", true)
                .build();
        return List.of(AnnotationValue.builder(annotation).stereotype(executable).build());
    }
}
