package dev.toolwire.processor;

import io.micronaut.inject.ast.Element;
import io.micronaut.inject.visitor.VisitorContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * Reaches the javac objects behind Micronaut's visitor API for the two things that API does not
 * expose: processor options not prefixed {@code micronaut.} ({@code JavaVisitorContext.getOptions()}
 * filters them out, yet SPEC §2 names the option {@code -Atoolwire.naming}), and source-retention
 * annotations such as {@code @SuppressWarnings}, which Micronaut's annotation metadata drops. Both go
 * through public methods of Micronaut's Java implementation ({@code getProcessingEnv()} and the native
 * element's {@code element()}), looked up by name so the generator does not depend on
 * micronaut-inject-java. When they are absent (another language front end) the generator falls back
 * to what {@link VisitorContext} offers.
 */
final class CompilerBridge {
    private CompilerBridge() {}

    /** @return the javac {@code -A} options, or the visitor context's options when javac is out of reach */
    static Map<String, String> options(VisitorContext context) {
        return processingEnvironment(context).map(ProcessingEnvironment::getOptions).orElseGet(context::getOptions);
    }

    /**
     * Prints an error on an annotation's attribute, so javac puts the caret on {@code name = "get weather"}
     * rather than on the method (house style §3.6).
     *
     * @return whether it was printed; when not, the caller reports on the element instead
     */
    static boolean errorOnAnnotationValue(VisitorContext context, Element element, String annotation, String member,
            String message) {
        Optional<ProcessingEnvironment> env = processingEnvironment(context);
        Optional<javax.lang.model.element.Element> target = javaxElement(element);
        if (env.isEmpty() || target.isEmpty()) {
            return false;
        }
        for (AnnotationMirror mirror : target.get().getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation)) {
                for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> value
                        : mirror.getElementValues().entrySet()) {
                    if (value.getKey().getSimpleName().contentEquals(member)) {
                        env.get().getMessager().printMessage(Kind.ERROR, message, target.get(), mirror, value.getValue());
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Optional<ProcessingEnvironment> processingEnvironment(VisitorContext context) {
        return invoke(context, "getProcessingEnv")
                .filter(ProcessingEnvironment.class::isInstance)
                .map(ProcessingEnvironment.class::cast);
    }

    /** @return the javax element behind a Micronaut element, if this is a javac compilation */
    static Optional<javax.lang.model.element.Element> javaxElement(Element element) {
        Object nativeType = element.getNativeType();
        if (nativeType instanceof javax.lang.model.element.Element e) {
            return Optional.of(e);
        }
        return invoke(nativeType, "element")
                .filter(javax.lang.model.element.Element.class::isInstance)
                .map(javax.lang.model.element.Element.class::cast);
    }

    private static Optional<Object> invoke(Object target, String methodName) {
        if (target == null) {
            return Optional.empty();
        }
        try {
            Method method = target.getClass().getMethod(methodName);
            return Optional.ofNullable(method.invoke(target));
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
