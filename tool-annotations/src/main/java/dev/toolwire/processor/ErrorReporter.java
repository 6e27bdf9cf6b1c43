package dev.toolwire.processor;

import io.micronaut.inject.ast.Element;
import io.micronaut.inject.ast.PropertyElement;
import io.micronaut.inject.visitor.VisitorContext;
import java.util.Arrays;

/**
 * Reports diagnostics in the catalogue format {@code [<ErrorId>] <subject> <what>. <fix>.} on the
 * narrowest element, applies {@code -Atoolwire.strict} and {@code @SuppressWarnings("toolwire:<id>")},
 * and counts errors so that a tool with errors never gets a descriptor.
 */
final class ErrorReporter {
    private final VisitorContext context;
    private final boolean strict;
    private final boolean debug;
    private final boolean silent;
    private int errorCount;

    ErrorReporter(VisitorContext context, boolean strict, boolean debug) {
        this(context, strict, debug, false);
    }

    private ErrorReporter(VisitorContext context, boolean strict, boolean debug, boolean silent) {
        this.context = context;
        this.strict = strict;
        this.debug = debug;
        this.silent = silent;
    }

    /**
     * A reporter that only counts: for schemas that are described when they can be (a tool's result)
     * and simply left out when they cannot, which is never the developer's error.
     */
    ErrorReporter silent() {
        return new ErrorReporter(context, strict, debug, true);
    }

    void error(ErrorId id, Element element, String message) {
        errorCount++;
        if (!silent) {
            context.fail(format(id, message), positioned(element));
        }
    }

    /** Reports on the attribute {@code member} of {@code annotation} when javac can place it, else on the element. */
    void error(ErrorId id, Element element, String annotation, String member, String message) {
        if (!silent && CompilerBridge.errorOnAnnotationValue(context, positioned(element), annotation, member, format(id, message))) {
            errorCount++;
        } else {
            error(id, element, message);
        }
    }

    void warning(ErrorId id, Element element, String message) {
        if (silent) {
            return;
        }
        if (isSuppressed(id, element)) {
            note("suppressed " + id + " on " + element.getName(), element);
            return;
        }
        if (strict) {
            error(id, element, message + " (an error because -Atoolwire.strict=true)");
        } else {
            context.warn(format(id, message), positioned(element));
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

    /** A note the build always prints (javac's NOTE: not a warning, so strict builds still pass). */
    void notice(String message, Element element) {
        if (silent) {
            return;
        }
        context.info("[toolwire] " + message, element);
    }

    void note(String message, Element element) {
        if (debug) {
            notice(message, element);
        }
    }

    /** A running count; compare before and after building a tool to know whether it had errors. */
    int errorCount() {
        return errorCount;
    }

    /** A bean property has no source position of its own; its field (a record component's) or accessor has. */
    private static Element positioned(Element element) {
        if (element instanceof PropertyElement property) {
            return property.getField().<Element>map(f -> f)
                    .or(() -> property.getReadMethod().map(m -> m))
                    .or(() -> property.getWriteMethod().map(m -> m))
                    .orElse(element);
        }
        return element;
    }

    private static String format(ErrorId id, String message) {
        return "[" + id.name() + "] " + message;
    }

    /** {@code @SuppressWarnings} has source retention, so it is read from javac's elements (AutoService's walk). */
    private static boolean isSuppressed(ErrorId id, Element element) {
        String token = "toolwire:" + id.name();
        javax.lang.model.element.Element e = CompilerBridge.javaxElement(element).orElse(null);
        for (; e != null; e = e.getEnclosingElement()) {
            SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
            if (suppress != null && Arrays.asList(suppress.value()).contains(token)) {
                return true;
            }
        }
        return false;
    }
}
