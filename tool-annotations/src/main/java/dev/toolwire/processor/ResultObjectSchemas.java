package dev.toolwire.processor;

import dev.toolwire.processor.TypeModel.Kind;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.inject.ast.ClassElement;
import io.micronaut.inject.ast.PropertyElement;
import java.lang.annotation.Annotation;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Describes a record or bean a tool returns as Micronaut Serialization writes it under the runtime's
 * naming: every readable property that is not ignored, named by {@code @JsonProperty}, else
 * {@code @ToolParam(name)}, else the wire naming, with its Javadoc as description. Nothing is
 * required, since empty values may be left out of the body. A type that names itself
 * ({@code @Serdeable(naming = SnakeCaseStrategy.class)}) is described in its own naming, which wins
 * at run time, when it is one of Micronaut Serialization's strategies; a type with a strategy of its
 * own, or that Micronaut Serialization cannot write (no {@code @Serdeable}), is not described.
 */
final class ResultObjectSchemas implements SchemaGenerator.ObjectSchemas {
    private static final String JSON_PROPERTY = "com.fasterxml.jackson.annotation.JsonProperty";
    private static final String JSON_IGNORE = "com.fasterxml.jackson.annotation.JsonIgnore";
    private static final String STRATEGIES = "io.micronaut.serde.config.naming.";
    /** Micronaut Serialization's own strategies, by class, each through the same micronaut-core function it calls. */
    private static final Map<String, UnaryOperator<String>> SERDE_NAMINGS = Map.of(
            STRATEGIES + "IdentityStrategy", name -> name,
            STRATEGIES + "LowerCamelCaseStrategy", NameUtils::decapitalize,
            STRATEGIES + "UpperCamelCaseStrategy", NameUtils::capitalize,
            STRATEGIES + "SnakeCaseStrategy", name -> NameUtils.underscoreSeparate(name).toLowerCase(Locale.ROOT),
            STRATEGIES + "KebabCaseStrategy", name -> NameUtils.hyphenate(name, true),
            STRATEGIES + "LowerCaseStrategy", name -> name.toLowerCase(Locale.ROOT),
            STRATEGIES + "LowerDotCaseStrategy", name -> NameUtils.hyphenate(name, true).replace('-', '.'));

    private final SchemaGenerator schemas;
    private final WireNames names;

    ResultObjectSchemas(SchemaGenerator schemas, WireNames names) {
        this.schemas = schemas;
        this.names = names;
    }

    @Override
    public Optional<TypeModel> generate(ClassElement type, Site site) {
        if (!type.hasStereotype(Names.SERDEABLE) && !type.hasStereotype(Names.SERDEABLE_SERIALIZABLE)
                || site.stack().contains(type.getName())) { // a recursive type has no inlined schema
            return Optional.empty();
        }
        Optional<String> strategy = type.stringValue(Names.SERDEABLE, "naming")
                .or(() -> type.stringValue(Names.SERDEABLE_SERIALIZABLE, "naming"));
        if (strategy.isPresent() && !SERDE_NAMINGS.containsKey(strategy.get())) {
            return Optional.empty();
        }
        UnaryOperator<String> ownNaming = strategy.map(SERDE_NAMINGS::get).orElse(null);
        Site inside = site.enter(type.getName());
        Map<String, Object> properties = new JsonWriter.InOrder<>();
        for (PropertyElement property : type.getBeanProperties()) {
            if (property.isExcluded() || property.isWriteOnly() || property.hasAnnotation(JSON_IGNORE)) {
                continue;
            }
            Optional<TypeModel> model = schemas.generate(property.getGenericType(),
                    inside.withElement(property, "property '" + property.getName() + "' of " + type.getSimpleName()));
            if (model.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> schema = model.get().schema();
            AnnotationValue<Annotation> toolParam = property.getAnnotation(Names.TOOL_PARAM);
            String description = ArgumentBuilder.description(property, toolParam);
            if (!description.isEmpty()) {
                schema.put("description", description);
            }
            properties.put(wireName(property, toolParam, ownNaming), schema);
        }
        Map<String, Object> schema = new TreeMap<>(Map.of("type", "object", "properties", properties));
        return Optional.of(new TypeModel(Kind.OBJECT, type.getName(), schema, Map.of(), false));
    }

    /** The explicit name, else the type's own naming (which then decides alone), else the tool's. */
    private String wireName(PropertyElement property, AnnotationValue<Annotation> toolParam,
            UnaryOperator<String> ownNaming) {
        Optional<String> explicit = property.stringValue(JSON_PROPERTY).filter(name -> !name.isEmpty());
        if (ownNaming != null) {
            return explicit.orElseGet(() -> ownNaming.apply(property.getName()));
        }
        return explicit.or(() -> ArgumentBuilder.member(toolParam, "name"))
                .orElseGet(() -> names.property(property.getName()));
    }
}
