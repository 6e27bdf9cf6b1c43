package dev.toolwire.processor;

import io.micronaut.inject.ast.ClassElement;
import io.micronaut.inject.ast.MethodElement;

/**
 * Rules on the tool method itself: it must be invocable on a bean instance. Private methods are
 * rejected; package-private and protected ones are accepted, because Micronaut generates the invoker
 * in the bean's own package.
 */
final class MethodRules {
    private MethodRules() {}

    static void check(MethodElement method, String signature, ErrorReporter reporter) {
        String subject = "@Tool method " + signature;
        if (method.isPrivate()) {
            reporter.error(ErrorId.ToolMethodPrivate, method, subject + " is private. Make it public or"
                    + " package-private so the runtime can invoke it.");
            // Without it Micronaut adds an error of its own that suggests @ReflectiveAccess, which a tool
            // must not use: one clear error is enough.
            method.removeStereotype(Names.EXECUTABLE);
        }
        if (method.isStatic()) {
            reporter.error(ErrorId.ToolMethodStatic, method, subject + " is static. Tools are invoked on a bean"
                    + " instance; remove 'static'.");
        }
        if (!method.getDeclaredTypeVariables().isEmpty()) {
            reporter.error(ErrorId.ToolMethodGeneric, method, subject + " declares type parameters. Tool methods"
                    + " cannot be generic; use concrete types.");
        }
        ClassElement type = method.getDeclaringType();
        if (type.isInner() && !type.isStatic() && !type.isInterface() && !type.isEnum() && !type.isRecord()) {
            reporter.error(ErrorId.ToolEnclosingType, method, subject + " is declared in the non-static inner class "
                    + ToolSignatures.simpleName(type) + ", which cannot be a bean. Make the class static or top-level.");
        }
    }
}
