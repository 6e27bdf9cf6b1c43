package dev.toolwire.devtools.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.annotations.AuthMode;
import dev.toolwire.annotations.HttpMethod;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.invoke.RegisteredTool;
import io.micronaut.core.annotation.Internal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The tools as one OpenAPI 3.1 document: an operation per tool at its method and path, with
 * {@code operationId} the tool name; path placeholders as {@code in: path} parameters; the other
 * arguments as a JSON request body ({@code POST}, {@code PUT}, {@code PATCH}) or query parameters
 * ({@code GET}, {@code DELETE}); the error envelope as every error response; and the security scheme
 * of the tool's effective auth mode ({@code bearerAuth} for JWT, {@code apiKey} for the header).
 */
@Internal
public final class OpenApiDocument {

    private static final String ERROR_RESPONSE = "#/components/responses/ToolError";

    private final String serverUrl;
    private final String headerName;
    private final Function<ToolDescriptor, AuthMode> modes;

    /**
     * Creates the builder.
     *
     * @param serverUrl where the tools are served, for {@code servers}
     * @param headerName the header of header-auth tools
     * @param modes each tool's effective auth mode
     */
    public OpenApiDocument(String serverUrl, String headerName, Function<ToolDescriptor, AuthMode> modes) {
        this.serverUrl = serverUrl;
        this.headerName = headerName;
        this.modes = modes;
    }

    /**
     * Builds the document.
     *
     * @param title the API title
     * @param version the API version
     * @param tools the tools
     * @return a new document
     */
    public ObjectNode build(String title, String version, List<RegisteredTool> tools) {
        ObjectNode doc = Json.MAPPER.createObjectNode().put("openapi", "3.1.0");
        doc.putObject("info").put("title", title).put("version", version);
        doc.putArray("servers").addObject().put("url", serverUrl);
        ObjectNode paths = doc.putObject("paths");
        Set<AuthMode> used = new HashSet<>();
        for (RegisteredTool registered : tools) {
            ToolDescriptor tool = registered.descriptor();
            AuthMode mode = modes.apply(tool);
            used.add(mode);
            ObjectNode pathItem = paths.has(tool.path()) ? (ObjectNode) paths.get(tool.path()) : paths.putObject(tool.path());
            pathItem.set(tool.method().name().toLowerCase(Locale.ROOT), operation(tool, mode, registered.outputSchemaTree()));
        }
        doc.set("components", components(used));
        return doc;
    }

    private ObjectNode operation(ToolDescriptor tool, AuthMode mode, @Nullable ObjectNode outputSchema) {
        ObjectNode op = Json.MAPPER.createObjectNode().put("operationId", tool.name());
        op.put("summary", firstSentence(tool.description())).put("description", tool.description());
        Set<String> pathNames = new HashSet<>();
        tool.pathParameters().forEach(p -> pathNames.add(p.name()));
        ArrayNode parameters = op.putArray("parameters");
        JsonNode properties = tool.params().path("properties");
        Set<String> required = requiredNames(tool.params());
        boolean inBody = tool.method() != HttpMethod.GET && tool.method() != HttpMethod.DELETE;
        ObjectNode bodySchema = Json.MAPPER.createObjectNode().put("type", "object");
        ObjectNode bodyProperties = bodySchema.putObject("properties");
        ArrayNode bodyRequired = Json.MAPPER.createArrayNode();
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            String name = property.getKey();
            if (pathNames.contains(name) || !inBody) {
                parameters.addObject().put("name", name).put("in", pathNames.contains(name) ? "path" : "query")
                        .put("required", pathNames.contains(name) || required.contains(name))
                        .set("schema", property.getValue().deepCopy());
            } else {
                bodyProperties.set(name, property.getValue().deepCopy());
                if (required.contains(name)) {
                    bodyRequired.add(name);
                }
            }
        }
        if (inBody) {
            if (!bodyRequired.isEmpty()) {
                bodySchema.set("required", bodyRequired);
            }
            ObjectNode body = op.putObject("requestBody").put("required", !bodyRequired.isEmpty());
            body.putObject("content").putObject("application/json").set("schema", bodySchema);
        }
        op.set("responses", responses(tool, mode, outputSchema));
        op.set("security", security(mode));
        return op;
    }

    private static ObjectNode responses(ToolDescriptor tool, AuthMode mode, @Nullable ObjectNode outputSchema) {
        ObjectNode responses = Json.MAPPER.createObjectNode();
        ObjectNode ok = responses.putObject("200").put("description", "The tool's result as JSON.");
        ok.putObject("content").putObject("application/json")
                .set("schema", outputSchema == null ? Json.MAPPER.createObjectNode() : outputSchema.deepCopy());
        if (tool.job() != null) {
            ObjectNode accepted = responses.putObject("202").put("description", "Still working after "
                    + tool.job().acknowledgeWithinSeconds() + " s: the job's acknowledgement. Ask "
                    + tool.job().statusTool() + " with its job_id for progress and the result.");
            accepted.putObject("content").putObject("application/json").set("schema", acknowledgementSchema());
        }
        // 409: a tool's own business conflict (ToolException.conflict); 429 and 503: the caller's quotas,
        // rate limits, a full store or a server shutting down, with Retry-After.
        for (String status : List.of("400", "401", "403", "404", "409", "429", "500", "503", "504")) {
            boolean refusedCredential = status.equals("401") && mode == AuthMode.NONE;
            boolean refusedScope = status.equals("403") && mode != AuthMode.JWT;
            if (!refusedCredential && !refusedScope) {
                responses.putObject(status).put("$ref", ERROR_RESPONSE);
            }
        }
        return responses;
    }

    private static ObjectNode acknowledgementSchema() {
        ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("job_id").put("type", "string");
        properties.putObject("status").put("type", "string").putArray("enum").add("running");
        properties.putObject("progress").put("type", "number");
        properties.putObject("message").put("type", "string");
        properties.putObject("status_tool").put("type", "string");
        schema.putArray("required").add("job_id").add("status").add("message").add("status_tool");
        return schema;
    }

    private static ArrayNode security(AuthMode mode) {
        ArrayNode security = Json.MAPPER.createArrayNode();
        if (mode == AuthMode.JWT) {
            security.addObject().putArray("bearerAuth");
        } else if (mode == AuthMode.HEADER) {
            security.addObject().putArray("apiKey");
        }
        return security;
    }

    private ObjectNode components(Set<AuthMode> used) {
        ObjectNode components = Json.MAPPER.createObjectNode();
        ObjectNode error = components.putObject("responses").putObject("ToolError")
                .put("description", "The Toolwire error envelope; the message is one sentence an agent can say.");
        error.putObject("content").putObject("application/json").set("schema", envelopeSchema());
        ObjectNode schemes = components.putObject("securitySchemes");
        if (used.contains(AuthMode.JWT)) {
            schemes.putObject("bearerAuth").put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
        }
        if (used.contains(AuthMode.HEADER)) {
            schemes.putObject("apiKey").put("type", "apiKey").put("in", "header").put("name", headerName);
        }
        return components;
    }

    private static ObjectNode envelopeSchema() {
        ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
        schema.putArray("required").add("success").add("error");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("success").put("const", false);
        ObjectNode error = properties.putObject("error").put("type", "object");
        error.putArray("required").add("code").add("message").add("details").add("requestId");
        ObjectNode errorProperties = error.putObject("properties");
        errorProperties.putObject("code").put("type", "string");
        errorProperties.putObject("message").put("type", "string");
        errorProperties.putObject("requestId").put("type", "string");
        ObjectNode detail = errorProperties.putObject("details").put("type", "array").putObject("items").put("type", "object");
        detail.putObject("properties").putObject("path").put("type", "string");
        ((ObjectNode) detail.get("properties")).putObject("message").put("type", "string");
        return schema;
    }

    private static Set<String> requiredNames(JsonNode params) {
        Set<String> names = new HashSet<>();
        params.path("required").forEach(n -> names.add(n.asText()));
        return names;
    }

    private static String firstSentence(String description) {
        int end = description.indexOf(". ");
        String sentence = end < 0 ? description : description.substring(0, end + 1);
        return sentence.length() > 120 ? sentence.substring(0, 117) + "..." : sentence;
    }
}
