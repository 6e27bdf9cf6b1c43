package dev.toolwire.processor;

import io.micronaut.inject.ast.Element;
import io.micronaut.inject.ast.MethodElement;
import io.micronaut.inject.ast.ParameterElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a tool route and binds its {@code {x}} placeholders to arguments. A segment is either
 * literal text from the URL-safe set or exactly one placeholder; a placeholder argument must be a
 * scalar (string, number, boolean, enum, UUID, date, ...).
 */
final class PathRules {
    private static final Pattern PATH =
            Pattern.compile("^/$|^(/([A-Za-z0-9._~-]+|\\{[A-Za-z0-9_-]+}))+$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_-]+)}");

    private PathRules() {}

    /** @return the path parameters in path order, or empty when an error was reported */
    static Optional<List<PathParameterModel>> check(String path, List<ArgumentModel> arguments, MethodElement method,
            String signature, ErrorReporter reporter) {
        String subject = "@Tool path '" + path + "' of " + signature;
        if (!PATH.matcher(path).matches()) {
            reporter.error(ErrorId.ToolPathInvalid, method, Names.TOOL, "path", subject + " is invalid. Start with '/' and use segments of"
                    + " [A-Za-z0-9._~-] or a single {placeholder}, with balanced braces.");
            return Optional.empty();
        }
        List<PathParameterModel> result = new ArrayList<>();
        boolean ok = true;
        Matcher matcher = PLACEHOLDER.matcher(path);
        while (matcher.find()) {
            String name = matcher.group(1);
            Optional<ArgumentModel> argument = arguments.stream().filter(a -> a.wireName().equals(name)).findFirst();
            if (result.stream().anyMatch(p -> p.name().equals(name))) {
                reporter.error(ErrorId.ToolPathInvalid, method, Names.TOOL, "path", subject + " repeats the placeholder '{" + name
                        + "}'. Use each placeholder once.");
                ok = false;
            } else if (argument.isEmpty()) {
                reporter.error(ErrorId.ToolPathPlaceholderUnknown, method, Names.TOOL, "path", subject + " has the placeholder '{" + name
                        + "}', which names no parameter. Rename it to a parameter's wire name " + wireNames(arguments)
                        + ".");
                ok = false;
            } else if (!argument.get().type().kind().isScalar()) {
                reporter.error(ErrorId.ToolPathParamTypeUnsupported, parameter(method, argument.get()), subject
                        + " binds '{" + name + "}' to a parameter of type " + argument.get().type().javaType()
                        + ". Use a string, number, boolean, enum, UUID or date for path parameters.");
                ok = false;
            } else {
                result.add(new PathParameterModel(name, argument.get().defaultValue()));
            }
        }
        return ok ? Optional.of(result) : Optional.empty();
    }

    private static String wireNames(List<ArgumentModel> arguments) {
        List<String> names = arguments.stream().map(ArgumentModel::wireName).toList();
        return names.isEmpty() ? "(the method has none)" : names.toString();
    }

    private static Element parameter(MethodElement method, ArgumentModel argument) {
        for (ParameterElement parameter : method.getParameters()) {
            if (parameter.getName().equals(argument.javaName())) {
                return parameter;
            }
        }
        return method;
    }
}
