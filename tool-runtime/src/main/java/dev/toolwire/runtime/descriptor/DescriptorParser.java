package dev.toolwire.runtime.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolwire.annotations.AuthMode;
import dev.toolwire.annotations.HttpMethod;
import dev.toolwire.processor.WireNames;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Internal;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads one descriptor file into a {@link ToolDescriptor}, checking its version and shape. */
@Internal
public final class DescriptorParser {

    /** A job status tool has no Java method: the runtime answers it (descriptor-format.md, "Job mode"). */
    private static final ToolDescriptor.Invocation JOB_STATUS_INVOCATION = new ToolDescriptor.Invocation("", "", List.of());

    private DescriptorParser() {}

    /**
     * Parses a descriptor.
     *
     * @param in the UTF-8 JSON, not closed
     * @param source where it came from, for messages
     * @return the descriptor
     * @throws DescriptorException when it is not valid JSON, of another version, or misses a key
     */
    public static ToolDescriptor parse(InputStream in, String source) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new DescriptorException("Tool descriptor " + source + " is not valid JSON: " + e.getMessage()
                    + ". Rebuild the application so the generator writes it again.", e);
        }
        if (root == null || !root.isObject()) {
            throw fail(source, "is not a JSON object");
        }
        return parse((ObjectNode) root, source);
    }

    /**
     * Parses a descriptor tree.
     *
     * @param root the descriptor object
     * @param source where it came from, for messages
     * @return the descriptor
     * @throws DescriptorException when it is of another version or misses a key
     */
    public static ToolDescriptor parse(ObjectNode root, String source) {
        JsonNode version = root.get("descriptorVersion");
        if (version == null || !version.canConvertToInt() || version.intValue() != ToolDescriptor.VERSION) {
            throw new DescriptorException("Tool descriptor " + source + " (tool '" + root.path("name").asText("?")
                    + "') has descriptorVersion " + version + ", but this runtime reads only version "
                    + ToolDescriptor.VERSION + ". Use tool-annotations and tool-runtime of the same release.");
        }
        String name = text(root, "name", source);
        JsonNode params = root.get("params");
        if (params == null || !params.isObject()) {
            throw fail(source, "has no 'params' object");
        }
        JsonNode messages = root.path("messages");
        return new ToolDescriptor(
                name,
                root.path("description").asText(""),
                constant(HttpMethod.class, text(root, "method", source), "method", source),
                text(root, "path", source),
                pathParameters(root.path("pathParameters")),
                (ObjectNode) params,
                root.path("async").asBoolean(false),
                Math.max(1, root.path("timeoutSeconds").asInt(10)),
                new ToolDescriptor.Messages(optionalText(messages, "start"), optionalText(messages, "complete")),
                constant(AuthMode.class, root.path("auth").asText("DEFAULT"), "auth", source),
                job(root.get("job"), name),
                optionalText(root, "jobStatusOf"),
                root.path("deduplicationWindowSeconds").asInt(0),
                naming(root, source),
                root.get("outputSchema") instanceof ObjectNode output ? output : null,
                root.hasNonNull("jobStatusOf") && !root.has("invocation")
                        ? JOB_STATUS_INVOCATION : invocation(root.get("invocation"), source),
                source,
                root);
    }

    /** The naming the generator used; descriptors written before it was recorded used the default. */
    private static String naming(JsonNode root, String source) {
        String naming = root.path("naming").asText(WireNames.SNAKE_CASE);
        if (!WireNames.isNaming(naming)) {
            throw fail(source, "has an unknown 'naming': " + naming);
        }
        return naming;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String value, String key, String source) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(source, "has an unknown '" + key + "': " + value);
        }
    }

    private static ToolDescriptor.@Nullable Job job(@Nullable JsonNode job, String name) {
        if (job == null || !job.isObject()) {
            return null;
        }
        return new ToolDescriptor.Job(Math.max(1, job.path("acknowledgeWithinSeconds").asInt(2)),
                Math.max(1, job.path("retainSeconds").asInt(3600)),
                job.path("statusTool").asText(name + "_status"),
                optionalText(job, "acknowledgeMessage") == null || optionalText(job, "acknowledgeMessage").isBlank()
                        ? null : optionalText(job, "acknowledgeMessage"));
    }

    private static List<ToolDescriptor.PathParameter> pathParameters(JsonNode array) {
        List<ToolDescriptor.PathParameter> result = new ArrayList<>();
        for (JsonNode p : array) {
            JsonNode def = p.get("default");
            result.add(new ToolDescriptor.PathParameter(
                    p.path("name").asText(), def == null || def.isNull() ? null : def));
        }
        return result;
    }

    private static ToolDescriptor.Invocation invocation(@Nullable JsonNode node, String source) {
        if (node == null || !node.isObject()) {
            throw fail(source, "has no 'invocation' object");
        }
        List<ToolDescriptor.Parameter> parameters = new ArrayList<>();
        for (JsonNode p : node.path("parameters")) {
            boolean context = "context".equals(p.path("kind").asText());
            String javaType = text(p, "javaType", source);
            if (context) {
                parameters.add(new ToolDescriptor.Parameter(true, javaType, null, null));
            } else {
                parameters.add(new ToolDescriptor.Parameter(
                        false, javaType, text(p, "name", source), binding(p.get("binding"))));
            }
        }
        return new ToolDescriptor.Invocation(
                text(node, "className", source), text(node, "methodName", source), parameters);
    }

    static Binding binding(@Nullable JsonNode node) {
        if (node == null || !node.isObject()) {
            return Binding.VALUE;
        }
        switch (node.path("kind").asText("value")) {
            case "enum": {
                Map<String, String> constants = new LinkedHashMap<>();
                node.path("constants").properties().forEach(e -> constants.put(e.getKey(), e.getValue().asText()));
                return new Binding.Constants(constants);
            }
            case "object": {
                Map<String, Binding.Property> properties = new LinkedHashMap<>();
                node.path("properties").properties().forEach(e -> properties.put(e.getKey(),
                        new Binding.Property(e.getValue().path("javaName").asText(e.getKey()),
                                binding(e.getValue().get("binding")))));
                return new Binding.Properties(properties);
            }
            case "array":
                return new Binding.Array(binding(node.get("items")));
            case "map":
                return new Binding.MapOf(binding(node.get("values")));
            default:
                return Binding.VALUE;
        }
    }

    private static String text(JsonNode node, String key, String source) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw fail(source, "has no '" + key + "' text");
        }
        return value.asText();
    }

    private static @Nullable String optionalText(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || !value.isTextual() || value.asText().isEmpty() ? null : value.asText();
    }

    private static DescriptorException fail(String source, String problem) {
        return new DescriptorException("Tool descriptor " + source + " " + problem
                + ". Rebuild the application so the generator writes it again.");
    }
}
