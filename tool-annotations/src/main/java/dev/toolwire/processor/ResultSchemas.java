package dev.toolwire.processor;

import io.micronaut.inject.ast.ClassElement;
import io.micronaut.inject.ast.MethodElement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON Schema of a tool's success body, the descriptor's {@code outputSchema}: the value a
 * {@code CompletionStage}, {@code Publisher} or {@code Optional} holds, described as the runtime sends
 * it: an object or array as itself, a scalar as {@code {"result": value}}, nothing as
 * {@code {"success": true}}. A result that has no schema (an {@code Object}, a {@code JsonNode}, a
 * recursive type) is left without one.
 */
final class ResultSchemas {
    private static final List<String> HOLDERS = List.of("java.util.concurrent.CompletionStage",
            "org.reactivestreams.Publisher", "java.util.Optional");

    private final SchemaGenerator schemas;

    ResultSchemas(SchemaGenerator schemas) {
        this.schemas = schemas;
    }

    /** @return the schema of what a successful call of {@code method} answers, or empty when it has none */
    Optional<Map<String, Object>> of(MethodElement method, String signature) {
        ClassElement type = unwrap(method.getGenericReturnType());
        if (type == null) {
            return Optional.empty();
        }
        if (type.isVoid() || type.getName().equals("java.lang.Void")) {
            return Optional.of(wrapped("success", new TreeMap<>(Map.of("type", "boolean"))));
        }
        Site site = new Site(method, "the result of @Tool method " + signature, signature, List.of());
        return schemas.generate(type, site)
                .map(model -> model.kind().isScalar() ? wrapped("result", model.schema()) : model.schema());
    }

    /** The value type inside the holders the runtime waits for or unwraps; {@code null} for a raw holder. */
    private static ClassElement unwrap(ClassElement type) {
        for (String holder : HOLDERS) {
            if (type.isAssignable(holder) && !type.isArray()) {
                Map<String, ClassElement> arguments = type.getTypeArguments(holder);
                ClassElement value = arguments.isEmpty() ? null : arguments.values().iterator().next();
                return value == null || type.isRawType() ? null : unwrap(value);
            }
        }
        return type;
    }

    private static Map<String, Object> wrapped(String member, Map<String, Object> schema) {
        Map<String, Object> properties = new TreeMap<>(Map.of(member, schema));
        return new TreeMap<>(Map.of("type", "object", "properties", properties, "required", List.of(member)));
    }
}
