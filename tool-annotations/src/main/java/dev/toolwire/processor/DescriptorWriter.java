package dev.toolwire.processor;

import io.micronaut.inject.ast.ClassElement;
import io.micronaut.inject.visitor.VisitorContext;
import io.micronaut.inject.writer.GeneratedFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link ToolModel} as {@code META-INF/toolwire/tools/<name>.json} in the class output, in the
 * shape of {@code docs/descriptor-format.md}, with the tool's class as originating element.
 */
final class DescriptorWriter {
    static final int DESCRIPTOR_VERSION = 1;

    private DescriptorWriter() {}

    static String path(String toolName) {
        return "toolwire/tools/" + toolName + ".json";
    }

    /** Writes the tool's descriptor, and its status tool's when it is a job. */
    static void write(ToolModel tool, ClassElement originatingElement, VisitorContext context) {
        write(tool.name(), toJson(tool), originatingElement, context);
        if (tool.job() != null) {
            write(tool.job().statusTool(), JobStatusDescriptor.toJson(tool), originatingElement, context);
        }
    }

    private static void write(String name, Map<String, Object> json, ClassElement originatingElement, VisitorContext context) {
        Optional<GeneratedFile> file = context.visitMetaInfFile(path(name), originatingElement);
        if (file.isEmpty()) {
            return;
        }
        try (OutputStream out = file.get().openOutputStream()) {
            out.write(JsonWriter.write(json).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path(name), e);
        }
    }

    /** @return the descriptor as a JSON tree; {@link JsonWriter} sorts the keys */
    static Map<String, Object> toJson(ToolModel tool) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("descriptorVersion", DESCRIPTOR_VERSION);
        json.put("name", tool.name());
        json.put("description", tool.description());
        json.put("method", tool.method());
        json.put("path", tool.path());
        List<Object> pathParameters = new ArrayList<>();
        for (PathParameterModel parameter : tool.pathParameters()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", parameter.name());
            entry.put("default", parameter.defaultValue());
            pathParameters.add(entry);
        }
        json.put("pathParameters", pathParameters);
        json.put("params", tool.params());
        json.put("async", tool.async());
        json.put("timeoutSeconds", tool.timeoutSeconds());
        Map<String, Object> messages = new LinkedHashMap<>();
        if (!tool.startMessage().isEmpty()) {
            messages.put("start", tool.startMessage());
        }
        if (!tool.completeMessage().isEmpty()) {
            messages.put("complete", tool.completeMessage());
        }
        json.put("messages", messages);
        json.put("auth", tool.auth());
        json.put("invocation", invocation(tool));
        if (tool.job() != null) {
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("acknowledgeWithinSeconds", tool.job().acknowledgeWithinSeconds());
            job.put("retainSeconds", tool.job().retainSeconds());
            job.put("statusTool", tool.job().statusTool());
            if (!tool.job().acknowledgeMessage().isEmpty()) {
                job.put("acknowledgeMessage", tool.job().acknowledgeMessage());
            }
            json.put("job", job);
        }
        if (tool.deduplicationWindowSeconds() > 0) {
            json.put("deduplicationWindowSeconds", tool.deduplicationWindowSeconds());
        }
        json.put("naming", tool.naming());
        if (tool.outputSchema() != null) {
            json.put("outputSchema", tool.outputSchema());
        }
        return json;
    }

    private static Map<String, Object> invocation(ToolModel tool) {
        List<Object> parameters = new ArrayList<>();
        for (ParamModel parameter : tool.parameters()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", parameter.context() ? "context" : "argument");
            entry.put("javaType", parameter.javaType());
            if (!parameter.context()) {
                entry.put("name", parameter.wireName());
                entry.put("binding", parameter.binding());
            }
            parameters.add(entry);
        }
        return Map.of("className", tool.className(), "methodName", tool.methodName(), "parameters", parameters);
    }
}
