package dev.toolwire.processor;

import io.micronaut.inject.ast.MethodElement;
import io.micronaut.inject.visitor.TypeElementVisitor;
import io.micronaut.inject.visitor.VisitorContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Toolwire's compile-time generator, run by Micronaut's annotation processor: for every
 * {@code @Tool} method it runs the validation rules, builds a {@link ToolModel} and writes
 * {@code META-INF/toolwire/tools/<name>.json} (see {@code docs/descriptor-format.md}).
 *
 * <p>Processor options:
 * <ul>
 *   <li>{@code -Atoolwire.naming=snake_case|as_is}: how Java names become wire names (default {@code snake_case});</li>
 *   <li>{@code -Atoolwire.strict=true}: warnings (such as a missing description) become errors;</li>
 *   <li>{@code -Atoolwire.debug=true}: notes about what the generator does.</li>
 * </ul>
 *
 * <p>Descriptors are written in {@link #finish} so that a tool whose name turns out to be taken by a
 * later method of the same round gets no file. No exception escapes: an unexpected one becomes a single
 * {@code [ToolInternalError]} diagnostic.
 */
public final class ToolVisitor implements TypeElementVisitor<Object, Object> {
    private final Map<String, Claim> toolNames = new HashMap<>();
    private final Set<String> visited = new HashSet<>();
    private final List<Pending> pending = new ArrayList<>();
    private ErrorReporter reporter;
    private ToolModelBuilder builder;

    /** A valid tool waiting for the end of the round, when it is written unless a duplicate showed up. */
    private record Pending(ToolModel tool, MethodElement method) {}

    /** Who took a tool name: a method, as its tool or as its job status tool. */
    private record Claim(String signature, boolean statusTool) {
        @Override
        public String toString() {
            return statusTool ? signature + " (its job status tool)" : signature;
        }
    }

    @Override
    public Set<String> getSupportedAnnotationNames() {
        return Set.of(Names.TOOL, Names.JOB, Names.IDEMPOTENT);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(Names.OPTION_NAMING, Names.OPTION_STRICT, Names.OPTION_DEBUG);
    }

    @Override
    public VisitorKind getVisitorKind() {
        return VisitorKind.ISOLATING;
    }

    @Override
    public void visitMethod(MethodElement method, VisitorContext context) {
        try {
            if (!method.hasDeclaredStereotype(Names.TOOL)) { // @Tool, or an annotation of the team's that carries it
                reportCompanionWithoutTool(method, context);
                return;
            }
            init(context);
            String signature = ToolSignatures.of(method);
            if (!visited.add(method.getDeclaringType().getName() + "#" + signature)) {
                return;
            }
            builder.build(method, signature).ifPresent(tool -> {
                // The resolved name travels in the method's metadata, so the runtime reads its descriptor by name.
                method.annotate(Names.TOOL, name -> name.member("name", tool.name()));
                if (isUnique(tool.name(), signature, method) && hasUniqueStatusTool(tool, signature, method)) {
                    pending.add(new Pending(tool, method));
                    reporter.note("built tool '" + tool.name() + "'", method);
                }
            });
        } catch (RuntimeException e) {
            reporter(context).internalError(method, e);
        }
    }

    /** {@code @Job} and {@code @Idempotent} only shape a tool: alone they would be silently ignored. */
    private void reportCompanionWithoutTool(MethodElement method, VisitorContext context) {
        for (String companion : List.of(Names.JOB, Names.IDEMPOTENT)) {
            if (method.hasDeclaredAnnotation(companion)) {
                String simple = companion.substring(companion.lastIndexOf('.') + 1);
                reporter(context).error(ErrorId.ToolAnnotationMissing, method, "@" + simple + " on "
                        + ToolSignatures.of(method) + " does nothing without @Tool: add @Tool, or remove @" + simple + ".");
            }
        }
    }

    @Override
    public void finish(VisitorContext context) {
        for (Pending p : pending) {
            try {
                DescriptorWriter.write(p.tool(), p.method().getDeclaringType(), context);
                reporter(context).note("wrote META-INF/" + DescriptorWriter.path(p.tool().name()), p.method());
            } catch (RuntimeException e) {
                reporter(context).internalError(p.method(), e);
            }
        }
        pending.clear();
    }

    private boolean isUnique(String name, String signature, MethodElement method) {
        Claim first = toolNames.putIfAbsent(name, new Claim(signature, false));
        if (first == null) {
            return true;
        }
        if (first.statusTool()) {
            String message = "Tool name '" + name + "' of " + signature + " is the name of the job status tool of"
                    + " another tool:\n  - " + first + "\nRename one of the two tools.";
            reporter.error(ErrorId.ToolJobStatusNameDuplicate, method, message);
            removePending(name, ErrorId.ToolJobStatusNameDuplicate, message);
            return false;
        }
        String message = "Tool name '" + name + "' is used by 2 methods:\n  - " + first + "\n  - " + signature
                + "\nSet @Tool(name = \"...\") to make them unique.";
        reporter.error(ErrorId.ToolNameDuplicate, method, message);
        removePending(name, ErrorId.ToolNameDuplicate, message);
        return false;
    }

    /** A job tool also claims the name of its status tool; a clash with any other tool is reported on both. */
    private boolean hasUniqueStatusTool(ToolModel tool, String signature, MethodElement method) {
        if (tool.job() == null) {
            return true;
        }
        String statusTool = tool.job().statusTool();
        Claim first = toolNames.putIfAbsent(statusTool, new Claim(signature, true));
        if (first == null) {
            return true;
        }
        toolNames.remove(tool.name(), new Claim(signature, false));
        String message = "The job status tool '" + statusTool + "' of @Job tool " + signature + " has the name of"
                + " another tool:\n  - " + first + "\nRename one of the two tools.";
        reporter.error(ErrorId.ToolJobStatusNameDuplicate, method, message);
        removePending(statusTool, ErrorId.ToolJobStatusNameDuplicate, message);
        return false;
    }

    /** The pending tool that claimed {@code name} (as its name or its status tool's) gets the error too and no file. */
    private void removePending(String name, ErrorId id, String message) {
        pending.stream()
                .filter(p -> p.tool().name().equals(name) || p.tool().job() != null && p.tool().job().statusTool().equals(name))
                .findFirst()
                .ifPresent(p -> {
                    reporter.error(id, p.method(), message);
                    pending.remove(p);
                });
    }

    /** Reads the processor options once and creates the reporter and the builder from them. */
    private void init(VisitorContext context) {
        if (reporter == null) {
            Map<String, String> options = CompilerBridge.options(context);
            reporter = new ErrorReporter(context, isEnabled(options, Names.OPTION_STRICT),
                    isEnabled(options, Names.OPTION_DEBUG));
            boolean asIs = "as_is".equals(options.get(Names.OPTION_NAMING));
            builder = new ToolModelBuilder(reporter, new WireNames(!asIs));
        }
    }

    private ErrorReporter reporter(VisitorContext context) {
        init(context);
        return reporter;
    }

    /** {@code -Aname}, {@code -Aname=} and {@code -Aname=true} switch an option on. */
    private static boolean isEnabled(Map<String, String> options, String name) {
        String value = options.get(name);
        return options.containsKey(name) && (value == null || value.isEmpty() || value.equals("true"));
    }
}
