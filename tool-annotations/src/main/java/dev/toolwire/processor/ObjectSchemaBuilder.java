package dev.toolwire.processor;

import dev.toolwire.processor.TypeModel.Kind;
import io.micronaut.inject.ast.ClassElement;
import io.micronaut.inject.ast.PropertyElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Inlines a record or POJO as a nested object schema from its bean properties (with merged record
 * component, field and accessor annotations), after checking that Micronaut Serialization can read
 * it and that it does not contain itself.
 */
final class ObjectSchemaBuilder implements SchemaGenerator.ObjectSchemas {
    private final ErrorReporter reporter;
    private final ArgumentBuilder arguments;

    ObjectSchemaBuilder(SchemaGenerator schemas, ErrorReporter reporter, WireNames names) {
        this.reporter = reporter;
        this.arguments = new ArgumentBuilder(schemas, reporter, names);
    }

    @Override
    public Optional<TypeModel> generate(ClassElement type, Site site) {
        String name = type.getName();
        if (site.stack().contains(name)) {
            reporter.error(ErrorId.ToolParamTypeRecursive, site.element(), site.subject() + " has type "
                    + ToolSignatures.simpleName(type) + ", which contains itself (" + cycle(site, name) + "). Inlined schemas"
                    + " cannot be recursive; break the cycle, for example with an id.");
            return Optional.empty();
        }
        if (type.isInterface() || type.isAbstract()) {
            reporter.error(ErrorId.ToolParamTypeUnsupported, site.element(), site.subject() + " has the abstract type "
                    + ToolSignatures.simpleName(type) + ", which cannot be deserialized. Use a record or a concrete class.");
            return Optional.empty();
        }
        boolean ok = true;
        if (!type.hasStereotype(Names.SERDEABLE) && !type.hasStereotype(Names.SERDEABLE_DESERIALIZABLE)) {
            reporter.error(ErrorId.ToolParamTypeNotSerdeable, site.element(), site.subject() + " has type "
                    + ToolSignatures.simpleName(type) + ", which Micronaut Serialization cannot deserialize. Add @Serdeable to "
                    + ToolSignatures.simpleName(type) + ".");
            ok = false;
        }
        Site inside = site.enter(name);
        List<ArgumentModel> properties = new ArrayList<>();
        for (PropertyElement property : properties(type)) {
            if (arguments.add(property, inside, properties).isEmpty()) {
                ok = false;
            }
        }
        return ok ? Optional.of(model(name, properties)) : Optional.empty();
    }

    /** Records: every component. Classes: properties with a setter or constructor parameter, not read-only ones. */
    private static List<PropertyElement> properties(ClassElement type) {
        List<PropertyElement> result = new ArrayList<>();
        for (PropertyElement property : type.getBeanProperties()) {
            if (!property.isExcluded() && (type.isRecord() || !property.isReadOnly())) {
                result.add(property);
            }
        }
        return result;
    }

    static TypeModel model(String javaType, List<ArgumentModel> properties) {
        Map<String, Object> schemaProperties = new JsonWriter.InOrder<>();
        Map<String, Object> bindingProperties = new LinkedHashMap<>();
        List<Object> required = new ArrayList<>();
        for (ArgumentModel property : properties) {
            schemaProperties.put(property.wireName(), property.type().schema());
            bindingProperties.put(property.wireName(),
                    Map.of("javaName", property.javaName(), "binding", property.type().binding()));
            if (property.required()) {
                required.add(property.wireName());
            }
        }
        Map<String, Object> schema = new TreeMap<>();
        schema.put("type", "object");
        schema.put("properties", schemaProperties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return new TypeModel(Kind.OBJECT, javaType, schema, Map.of("kind", "object", "properties", bindingProperties),
                false);
    }

    private static String cycle(Site site, String name) {
        List<String> path = new ArrayList<>(site.stack().subList(site.stack().indexOf(name), site.stack().size()));
        path.add(name);
        path.replaceAll(ToolSignatures::simpleName);
        return String.join(" -> ", path);
    }
}
