package dev.toolwire.processor;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.inject.ast.MemberElement;
import io.micronaut.inject.ast.ParameterElement;
import io.micronaut.inject.ast.TypedElement;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds one {@link ArgumentModel} from a method parameter or a bean property: wire name, schema,
 * Jakarta constraints, description (from {@code @ToolParam} or Javadoc), typed default and example,
 * and the required rule of SPEC §2.
 */
final class ArgumentBuilder {
    private final SchemaGenerator schemas;
    private final ErrorReporter reporter;
    private final WireNames names;

    ArgumentBuilder(SchemaGenerator schemas, ErrorReporter reporter, WireNames names) {
        this.schemas = schemas;
        this.reporter = reporter;
        this.names = names;
    }

    /**
     * Builds the argument of {@code element} and appends it to {@code siblings}, unless a sibling already
     * has its wire name (reported).
     *
     * @return the argument, or empty when an error was reported on {@code element}
     */
    Optional<ArgumentModel> add(TypedElement element, Site parent, List<ArgumentModel> siblings) {
        Optional<ArgumentModel> argument = build(element, parent).filter(a -> isUnique(element, a, siblings));
        argument.ifPresent(siblings::add);
        return argument;
    }

    private Optional<ArgumentModel> build(TypedElement element, Site parent) {
        AnnotationValue<Annotation> toolParam = element.getAnnotation(Names.TOOL_PARAM);
        String wireName = member(toolParam, "name").orElseGet(() -> names.property(element.getName()));
        Site site = parent.withElement(element, subject(element, parent));
        Optional<TypeModel> generated = schemas.generate(element.getGenericType(), site);
        if (generated.isEmpty()) {
            return Optional.empty();
        }
        TypeModel type = generated.get();
        boolean forcedRequired = Constraints.apply(element, type);
        String description = description(element, toolParam);
        List<String> rules = Constraints.unexpressed(element);
        if (!rules.isEmpty()) {
            String said = String.join(" ", rules);
            description = description.isEmpty() ? said : Docs.sentence(description) + " " + said;
            reporter.notice(site.subject() + " has constraints JSON Schema cannot express, so its description tells"
                    + " the agent: \"" + said + "\"", element);
        }
        if (!description.isEmpty()) {
            type.schema().put("description", description);
        }
        int errorsBefore = reporter.errorCount();
        Object defaultValue = member(toolParam, "defaultValue").filter(d -> !d.equals(Names.NO_DEFAULT))
                .map(text -> typed(text, type, site, ErrorId.ToolParamDefaultInvalid, "defaultValue"))
                .orElse(null);
        if (defaultValue != null) {
            type.schema().put("default", defaultValue);
        }
        member(toolParam, "example").map(text -> typed(text, type, site, ErrorId.ToolParamExampleInvalid, "example"))
                .ifPresent(example -> type.schema().put("examples", List.of(example)));
        if (reporter.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        boolean declaredRequired = toolParam == null || toolParam.booleanValue("required").orElse(true);
        boolean required = defaultValue == null && !type.optional()
                && (forcedRequired || (declaredRequired && !isNullable(element)));
        return Optional.of(new ArgumentModel(element.getName(), wireName, type, required, defaultValue));
    }

    /** Reports a second argument with an existing wire name; @return whether {@code argument} is unique */
    private boolean isUnique(TypedElement element, ArgumentModel argument, List<ArgumentModel> existing) {
        for (ArgumentModel other : existing) {
            if (other.wireName().equals(argument.wireName())) {
                reporter.error(ErrorId.ToolParamNameDuplicate, element, subject(element, null) + " has the wire name '"
                        + argument.wireName() + "', which '" + other.javaName() + "' already uses. Give one of them a"
                        + " different @ToolParam(name = \"...\").");
                return false;
            }
        }
        return true;
    }

    private Object typed(String text, TypeModel type, Site site, ErrorId id, String attribute) {
        try {
            return ValueParser.parse(text, type);
        } catch (IllegalArgumentException e) {
            reporter.error(id, site.element(), Names.TOOL_PARAM, attribute, site.subject() + " has @ToolParam(" + attribute + " = \"" + text
                    + "\"), which is not valid: " + e.getMessage() + ". Write a value of type "
                    + ToolSignatures.simpleName(type.javaType()) + (type.kind().isScalar() ? "" : " or remove it") + ".");
            return null;
        }
    }

    /** Any annotation named {@code Nullable}, from any package, on the element or its type. */
    private static boolean isNullable(TypedElement element) {
        return Stream.concat(element.getAnnotationNames().stream(),
                        element.getGenericType().getTypeAnnotationMetadata().getAnnotationNames().stream())
                .anyMatch(name -> name.equals("Nullable") || name.endsWith(".Nullable"));
    }

    /** @return {@code @ToolParam(description)}, else the element's Javadoc, else {@code ""} */
    static String description(TypedElement element, AnnotationValue<Annotation> toolParam) {
        return member(toolParam, "description").orElseGet(() -> Docs.clean(element.getDocumentation(true).orElse(null)));
    }

    /** A string member that is set and not empty; {@code annotation} may be absent. */
    static Optional<String> member(AnnotationValue<Annotation> annotation, String member) {
        return annotation == null ? Optional.empty() : annotation.stringValue(member).filter(s -> !s.isEmpty());
    }

    private static String subject(TypedElement element, Site parent) {
        if (element instanceof ParameterElement parameter) {
            // The tool's site already holds the method's signature; only the (rare) duplicate report has none.
            return "parameter '" + element.getName() + "' of "
                    + (parent != null ? parent.tool() : ToolSignatures.of(parameter.getMethodElement()));
        }
        String owner = element instanceof MemberElement m
                ? ToolSignatures.simpleName(m.getDeclaringType()) : "?";
        return "property '" + element.getName() + "' of " + owner
                + (parent == null ? "" : " (in " + parent.tool() + ")");
    }
}
