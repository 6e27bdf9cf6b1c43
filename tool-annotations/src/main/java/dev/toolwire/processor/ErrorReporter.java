package dev.toolwire.processor;

import io.micronaut.inject.ast.ClassElement;
import io.micronaut.inject.ast.Element;
import io.micronaut.inject.ast.MemberElement;
import io.micronaut.inject.ast.ParameterElement;
import io.micronaut.inject.visitor.VisitorContext;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reports diagnostics in the catalogue format {@code [<ErrorId>] <subject> <what>. <fix>.} on the
 * narrowest element, applies {@code -Atoolwire.strict} and {@code @SuppressWarnings("toolwire:<id>")},
 * and counts errors so that a tool with errors never gets a descriptor.
 */
final class ErrorReporter {
    private final VisitorContext context;
    private final boolean strict;
    private final boolean debug;
    private int errorCount;

    ErrorReporter(VisitorContext context, boolean strict, boolean debug) {
        this.context = context;
        this.strict = strict;
        this.debug = debug;
    }

    void error(ErrorId id, Element element, String message) {
        errorCount++;
        context.fail(format(id, message), element);
    }

    void warning(ErrorId id, Element element, String message) {
        if (isSuppressed(id, element)) {
            note("suppressed " + id + " on " + element.getName(), element);
            return;
        }
        if (strict) {
            error(id, element, message + " (an error because -Atoolwire.strict=true)");
        } else {
            context.warn(format(id, message), element);
        }
    }

    void internalError(Element element, RuntimeException e) {
        errorCount++;
        StringBuilder trace = new StringBuilder();
        Arrays.stream(e.getStackTrace()).limit(12).forEach(f -> trace.append("\n  at ").append(f));
        context.fail(format(ErrorId.ToolInternalError,
                "The Toolwire generator failed unexpectedly on " + element.getName() + "; please report this bug"
                        + " with the stack trace below: " + e + trace), element);
    }

    void note(String message, Element element) {
        if (debug) {
            context.info("[toolwire] " + message, element);
        }
    }

    /** A running count; compare before and after building a tool to know whether it had errors. */
    int errorCount() {
        return errorCount;
    }

    private static String format(ErrorId id, String message) {
        return "[" + id.name() + "] " + message;
    }

    private static boolean isSuppressed(ErrorId id, Element element) {
        String token = "toolwire:" + id.name();
        for (Element e = element; e != null; e = enclosing(e).orElse(null)) {
            if (Arrays.asList(e.stringValues(Names.SUPPRESS_WARNINGS)).contains(token)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Element> enclosing(Element element) {
        if (element instanceof ParameterElement p) {
            return Optional.ofNullable(p.getMethodElement());
        }
        if (element instanceof MemberElement m) {
            return Optional.of(m.getDeclaringType());
        }
        if (element instanceof ClassElement c) {
            return c.getEnclosingType().map(Element.class::cast);
        }
        return Optional.empty();
    }
}
