package dev.toolwire.runtime.invoke;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.ToolContext;
import dev.toolwire.runtime.ToolException;
import dev.toolwire.runtime.descriptor.Binding;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.LimitingStream;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.SerdeRegistry;
import io.micronaut.serde.jackson.JacksonDecoder;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns validated wire arguments into Java arguments: renames wire keys and enum values to their
 * Java forms with the descriptor's binding tree, then lets Micronaut Serialization read each
 * parameter as its declared {@link Argument} (records, enums, lists, {@code Optional}, dates...)
 * straight off the validated tree: its deserializers decode the tree's tokens, so no parameter is
 * written out as JSON text and parsed again.
 */
@Singleton
@Internal
public final class ArgumentBinder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonMapper jsonMapper;
    /** Micronaut Serialization's deserializers; {@code null} only with another JSON mapper, then bytes are read. */
    private final @Nullable SerdeRegistry registry;
    /** Each parameter type's deserializer, made specific once. */
    private final Map<Argument<?>, Deserializer<?>> deserializers = new ConcurrentHashMap<>();

    /**
     * Creates the binder.
     *
     * @param jsonMapper Micronaut Serialization's mapper
     */
    public ArgumentBinder(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
        this.registry = jsonMapper instanceof ObjectMapper serde ? serde.getSerdeRegistry() : null;
    }

    /**
     * Binds the arguments of a call.
     *
     * @param tool the tool
     * @param arguments the merged, validated arguments
     * @param context the context to pass to {@code ToolContext} parameters
     * @return the Java arguments, in parameter order
     * @throws ToolException {@code 400 INVALID_ARGUMENTS} naming the parameter that does not bind
     */
    Object[] bind(RegisteredTool tool, ObjectNode arguments, ToolContext context) {
        List<ToolDescriptor.Parameter> parameters = tool.descriptor().invocation().parameters();
        Argument<?>[] types = tool.method().getArguments();
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            ToolDescriptor.Parameter parameter = parameters.get(i);
            if (parameter.context()) {
                values[i] = context;
                continue;
            }
            String name = parameter.name() == null ? types[i].getName() : parameter.name();
            JsonNode value = arguments.get(name);
            Binding binding = parameter.binding() == null ? Binding.VALUE : parameter.binding();
            values[i] = value == null || value.isNull() ? absent(types[i]) : read(name, types[i], rename(value, binding));
        }
        return values;
    }

    private Object read(String name, Argument<?> type, JsonNode value) {
        Object plain = plainValue(type.getType(), value);
        if (plain != null) {
            return plain;
        }
        try {
            if (type.getType() == Optional.class) {
                Argument<?> inner = type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
                return Optional.ofNullable(decode(value, inner));
            }
            Object result = decode(value, type);
            return result == null ? absent(type) : result;
        } catch (IOException | RuntimeException e) {
            String problem = "'" + name + "' cannot be read as " + typeName(type);
            throw new ToolException(400, ToolException.INVALID_ARGUMENTS,
                    "Tool call rejected: " + problem + ".", List.of(new ToolException.Detail("/" + name, problem)), e);
        }
    }

    /** Reads a value of a type from the tree with Micronaut Serialization. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private @Nullable Object decode(JsonNode value, Argument<?> type) throws IOException {
        if (registry == null) {
            return jsonMapper.readValue(Json.MAPPER.writeValueAsBytes(value), type);
        }
        Deserializer.DecoderContext context = registry.newDecoderContext(null);
        Deserializer deserializer = deserializers.get(type);
        if (deserializer == null) {
            deserializer = registry.findDeserializer(type).createSpecific(context, (Argument) type);
            deserializers.put(type, deserializer);
        }
        try (JsonParser parser = value.traverse(Json.MAPPER)) {
            parser.nextToken();
            return deserializer.deserializeNullable(JacksonDecoder.create(parser, LimitingStream.DEFAULT_LIMITS), context,
                    (Argument) type);
        }
    }

    /**
     * The value of a string, boolean or number parameter read straight off the tree, skipping
     * Micronaut Serialization; {@code null} for every other type or shape, which then go through it.
     */
    private static @Nullable Object plainValue(Class<?> type, JsonNode value) {
        if (type == String.class) {
            return value.isTextual() ? value.textValue() : null;
        }
        if (type == boolean.class || type == Boolean.class) {
            return value.isBoolean() ? value.booleanValue() : null;
        }
        if (type == int.class || type == Integer.class) {
            return value.isInt() ? value.intValue() : null;
        }
        if (type == long.class || type == Long.class) {
            return value.isInt() || value.isLong() ? value.longValue() : null;
        }
        if (type == double.class || type == Double.class) {
            return value.isNumber() && !value.isBigDecimal() && !value.isBigInteger() ? value.doubleValue() : null;
        }
        return null;
    }

    private static String typeName(Argument<?> type) {
        Argument<?>[] params = type.getTypeParameters();
        return type.getType() == Optional.class && params.length == 1 ? typeName(params[0]) : type.getType().getSimpleName();
    }

    /**
     * The value for an argument the caller left out: empty for {@code Optional}, zero or
     * {@code false} for primitives, else {@code null}.
     *
     * @param type the parameter type
     * @return the value
     */
    static @Nullable Object absent(Argument<?> type) {
        Class<?> t = type.getType();
        if (t == Optional.class) {
            return Optional.empty();
        }
        if (!t.isPrimitive()) {
            return null;
        }
        if (t == boolean.class) {
            return Boolean.FALSE;
        }
        if (t == char.class) {
            return '\0';
        }
        if (t == long.class) {
            return 0L;
        }
        if (t == double.class) {
            return 0d;
        }
        if (t == float.class) {
            return 0f;
        }
        if (t == short.class) {
            return (short) 0;
        }
        if (t == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    /**
     * Renames wire keys and enum values to their Java forms.
     *
     * @param value the wire value
     * @param binding the binding tree
     * @return the Java-shaped JSON; the input is not changed
     */
    static JsonNode rename(JsonNode value, Binding binding) {
        if (binding instanceof Binding.Constants constants && value.isTextual()) {
            String constant = constants.constants().get(value.asText());
            return constant == null ? value : NODES.textNode(constant);
        }
        if (binding instanceof Binding.Properties properties && value.isObject()) {
            ObjectNode result = NODES.objectNode();
            for (Map.Entry<String, Binding.Property> e : properties.properties().entrySet()) {
                JsonNode field = value.get(e.getKey());
                if (field != null) {
                    result.set(e.getValue().javaName(), rename(field, e.getValue().binding()));
                }
            }
            return result;
        }
        if (binding instanceof Binding.Array array && value.isArray()) {
            ArrayNode result = NODES.arrayNode();
            value.forEach(item -> result.add(rename(item, array.items())));
            return result;
        }
        if (binding instanceof Binding.MapOf map && value.isObject()) {
            ObjectNode result = NODES.objectNode();
            value.properties().forEach(e -> result.set(e.getKey(), rename(e.getValue(), map.values())));
            return result;
        }
        return value;
    }
}
