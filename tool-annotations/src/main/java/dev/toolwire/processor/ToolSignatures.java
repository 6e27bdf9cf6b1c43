package dev.toolwire.processor;

import io.micronaut.inject.ast.ClassElement;
import io.micronaut.inject.ast.MethodElement;
import io.micronaut.inject.ast.ParameterElement;
import java.util.StringJoiner;

/** Names of methods and types as diagnostics and descriptors print them. */
final class ToolSignatures {
    private ToolSignatures() {}

    /** @return {@code WeatherTools.current(String, int)}: simple names, as in the catalogue of house style §3.6 */
    static String of(MethodElement method) {
        StringJoiner parameters = new StringJoiner(", ", "(", ")");
        for (ParameterElement parameter : method.getParameters()) {
            parameters.add(simpleName(parameter.getType()));
        }
        return simpleName(method.getDeclaringType()) + "." + method.getName() + parameters;
    }

    /** @return the erased type as {@code Class.getTypeName()} prints it: {@code int}, {@code java.lang.String[]}, {@code a.B$C} */
    static String javaType(ClassElement type) {
        return type.getName() + "[]".repeat(type.getArrayDimensions());
    }

    /** @return the name without its package, nested classes joined by '.': {@code Outer.Inner[]} */
    static String simpleName(ClassElement type) {
        String name = type.getName();
        String packageName = type.getPackageName();
        String local = packageName.isEmpty() || !name.startsWith(packageName + ".") ? name.substring(name.lastIndexOf('.') + 1)
                : name.substring(packageName.length() + 1);
        return local.replace('$', '.') + "[]".repeat(type.getArrayDimensions());
    }

    /** @return a binary name without its package, nested classes joined by '.': {@code Outer.Inner} */
    static String simpleName(String binaryName) {
        return binaryName.substring(binaryName.lastIndexOf('.') + 1).replace('$', '.');
    }
}
