package dev.toolwire.processor;

import dev.toolwire.processor.TypeMappings.Scalar;
import dev.toolwire.processor.TypeModel.Kind;
import io.micronaut.inject.ast.ClassElement;
import io.micronaut.inject.ast.EnumElement;
import io.micronaut.inject.ast.GenericPlaceholderElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Maps a Micronaut {@link ClassElement} to its JSON Schema and binding (SPEC §3): scalars through
 * {@link TypeMappings}, then optionals, enums, arrays, collections, maps and, last, objects. Objects
 * are read as arguments ({@link ObjectSchemaBuilder}: what Micronaut Serialization can read) or, for
 * {@link #forResults}, as results ({@link ResultObjectSchemas}: what it writes). Reports unsupported and
 * recursive types and returns empty.
 */
final class SchemaGenerator {

    /** How an object type (a record or bean) becomes a schema. */
    interface ObjectSchemas {
        /** @return the object's model, or empty when an error was reported at {@code site} */
        Optional<TypeModel> generate(ClassElement type, Site site);
    }

    private final ErrorReporter reporter;
    private final WireNames names;
    private final ObjectSchemas objects;

    /** A generator for arguments, reporting every problem. */
    SchemaGenerator(ErrorReporter reporter, WireNames names) {
        this(reporter, names, self -> new ObjectSchemaBuilder(self, reporter, names));
    }

    private SchemaGenerator(ErrorReporter reporter, WireNames names, Function<SchemaGenerator, ObjectSchemas> objects) {
        this.reporter = reporter;
        this.names = names;
        this.objects = objects.apply(this);
    }

    /**
     * A generator for results: a type it cannot describe is left undescribed, never reported, since
     * a tool may return anything Micronaut Serialization writes.
     */
    static SchemaGenerator forResults(ErrorReporter reporter, WireNames names) {
        ErrorReporter silent = reporter.silent();
        return new SchemaGenerator(silent, names, self -> new ResultObjectSchemas(self, names));
    }

    /** @return the model of {@code type}, or empty when an error was reported at {@code site} */
    Optional<TypeModel> generate(ClassElement type, Site site) {
        if (type.isWildcard()) {
            return unsupported(site, "a wildcard type argument", "Use a concrete type argument such as List<String>");
        }
        if (type instanceof GenericPlaceholderElement placeholder) {
            return unsupported(site, "the type variable '" + placeholder.getVariableName() + "' (or a raw type)",
                    "Use a concrete, parameterized type such as List<String>");
        }
        if (type.isArray()) {
            return array(type, site);
        }
        String name = type.getName();
        if (name.equals("java.util.Optional")) {
            return optional(type, site);
        }
        Optional<Scalar> scalar = TypeMappings.scalar(name);
        if (scalar.isPresent()) {
            return Optional.of(scalar(name, scalar.get()));
        }
        if (type.isEnum()) {
            return Optional.of(enumeration((EnumElement) type));
        }
        if (type.isAssignable("java.util.Map")) {
            return map(type, site);
        }
        if (type.isAssignable("java.util.List") || type.isAssignable("java.util.Set")
                || name.equals("java.util.Collection")) {
            return collection(type, site);
        }
        if (name.startsWith("java.") || name.startsWith("javax.") || type.isPrimitive()) {
            return unsupported(site, "type " + name, "Use " + TypeMappings.alternative(name));
        }
        return objects.generate(type, site);
    }

    /** Reports {@code <subject> has <what>, which has no JSON Schema mapping. <fix>.} */
    Optional<TypeModel> unsupported(Site site, String what, String fix) {
        reporter.error(ErrorId.ToolParamTypeUnsupported, site.element(), site.subject() + " has " + what
                + ", which has no JSON Schema mapping. " + fix + ".");
        return Optional.empty();
    }

    private TypeModel scalar(String name, Scalar scalar) {
        Map<String, Object> schema = new TreeMap<>();
        schema.put("type", scalar.type());
        if (scalar.format() != null) {
            schema.put("format", scalar.format());
        }
        if (name.equals("char") || name.equals("java.lang.Character")) {
            schema.put("minLength", 1L);
            schema.put("maxLength", 1L);
        }
        boolean optional = TypeMappings.isPrimitiveOptional(name);
        return new TypeModel(scalar.kind(), name, schema, Map.of("kind", "value"), optional);
    }

    private TypeModel enumeration(EnumElement type) {
        Map<String, String> constants = new LinkedHashMap<>();
        List<Object> wireValues = new ArrayList<>();
        for (String constant : type.values()) {
            String wire = names.enumConstant(constant);
            constants.put(wire, constant);
            wireValues.add(wire);
        }
        Map<String, Object> schema = new TreeMap<>(Map.of("type", "string", "enum", wireValues));
        Map<String, Object> binding = Map.of("kind", "enum", "constants", constants);
        return new TypeModel(Kind.ENUM, type.getName(), schema, binding, false);
    }

    private Optional<TypeModel> array(ClassElement type, Site site) {
        ClassElement component = type.fromArray();
        if (component.getName().equals("byte") && !component.isArray()) {
            return unsupported(site, "type byte[]", "Use " + TypeMappings.alternative("byte[]"));
        }
        return element(component, site).map(items -> container(type, items, false));
    }

    private Optional<TypeModel> collection(ClassElement type, Site site) {
        if (type.isRawType() || type.getTypeArguments().isEmpty()) {
            return unsupported(site, "the raw type " + type.getName(), "Use a parameterized type such as List<String>");
        }
        ClassElement item = type.getTypeArguments().values().iterator().next();
        boolean unique = type.isAssignable("java.util.Set");
        return element(item, site).map(items -> container(type, items, unique));
    }

    private TypeModel container(ClassElement type, TypeModel items, boolean unique) {
        Map<String, Object> schema = new TreeMap<>();
        schema.put("type", "array");
        schema.put("items", items.schema());
        if (unique) {
            schema.put("uniqueItems", true);
        }
        Map<String, Object> binding = Map.of("kind", "array", "items", items.binding());
        return new TypeModel(Kind.ARRAY, type.getName(), schema, binding, false);
    }

    private Optional<TypeModel> map(ClassElement type, Site site) {
        Map<String, ClassElement> arguments =
                type.getName().equals("java.util.Map") ? type.getTypeArguments() : type.getTypeArguments("java.util.Map");
        ClassElement key = arguments.get("K");
        if (type.isRawType() || key == null || arguments.get("V") == null) {
            return unsupported(site, "the raw type " + type.getName(), "Use a parameterized type such as Map<String, String>");
        }
        if (!key.getName().equals("java.lang.String")) {
            return unsupported(site, "a map with " + key.getName() + " keys",
                    "Use Map<String, V>, because JSON object keys are strings");
        }
        return element(arguments.get("V"), site).map(values -> {
            Map<String, Object> schema = new TreeMap<>(Map.of("type", "object", "additionalProperties", values.schema()));
            Map<String, Object> binding = Map.of("kind", "map", "values", values.binding());
            return new TypeModel(Kind.MAP, type.getName(), schema, binding, false);
        });
    }

    /** {@code java.util.Optional<T>} itself (never a subtype: the class is final). */
    private Optional<TypeModel> optional(ClassElement type, Site site) {
        ClassElement argument = type.getTypeArguments().get("T");
        if (argument == null || type.isRawType()) {
            return unsupported(site, "the raw type " + type.getName(), "Use a parameterized type");
        }
        return element(argument, site).map(TypeModel::asOptional);
    }

    /** Maps a type argument or array component, applying its type-use constraints ({@code List<@Email String>}). */
    private Optional<TypeModel> element(ClassElement type, Site site) {
        Optional<TypeModel> model = generate(type, site);
        model.ifPresent(m -> Constraints.apply(type.getTypeAnnotationMetadata(), m));
        return model;
    }
}
