package dev.toolwire.processor;

import io.micronaut.inject.ast.MethodElement;
import java.util.regex.Pattern;

/** The tool-name rule agreed with the platform: {@code ^[a-zA-Z0-9_-]{1,64}$}. */
final class NameRules {
    private static final Pattern TOOL_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

    private NameRules() {}

    /** @return whether {@code name} follows the rule; reports nothing */
    static boolean isValid(String name) {
        return TOOL_NAME.matcher(name).matches();
    }

    /** @return whether the name is valid; reports it otherwise */
    static boolean check(String name, boolean explicit, MethodElement method, ErrorReporter reporter) {
        if (isValid(name)) {
            return true;
        }
        String what = explicit ? "@Tool name '" + name + "' on " : "The default tool name '" + name + "' of ";
        reporter.error(ErrorId.ToolNameInvalid, method, Names.TOOL, "name", what + ToolSignatures.of(method) + " is invalid. Use 1 to 64"
                + " characters from [a-zA-Z0-9_-].");
        return false;
    }
}
