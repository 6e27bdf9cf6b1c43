package dev.toolwire.processor;

import static com.google.common.truth.Truth.assertThat;

import io.micronaut.inject.ast.MethodElement;
import io.micronaut.inject.visitor.VisitorContext;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code [ToolInternalError]}: no compiler input makes the generator throw, so this test hands the
 * visitor a method element that does, and checks that the exception becomes one diagnostic.
 */
class InternalErrorTest {

    @Test
    void unexpectedException_becomesOneInternalErrorDiagnostic() {
        List<String> failures = new ArrayList<>();
        VisitorContext context = proxy(VisitorContext.class, (name, args) -> switch (name) {
            case "fail" -> failures.add((String) args[0]);
            case "getOptions" -> Map.of();
            default -> null;
        });
        MethodElement method = proxy(MethodElement.class, (name, args) -> switch (name) {
            case "hasDeclaredAnnotation" -> true;
            case "getName" -> "current";
            default -> throw new IllegalStateException("boom in " + name);
        });

        new ToolVisitor().visitMethod(method, context);

        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).startsWith("[ToolInternalError] The Toolwire generator failed unexpectedly on current");
        assertThat(failures.get(0)).contains("please report this bug");
        assertThat(failures.get(0)).contains("boom in");
    }

    /** A method handler of a proxy: method name and arguments to result. */
    private interface Handler {
        Object handle(String name, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> handler.handle(method.getName(), args)));
    }
}
