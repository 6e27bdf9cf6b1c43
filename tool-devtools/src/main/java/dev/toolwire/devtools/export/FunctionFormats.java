package dev.toolwire.devtools.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toolwire.runtime.descriptor.Json;
import dev.toolwire.runtime.descriptor.ToolDescriptor;
import dev.toolwire.runtime.invoke.RegisteredTool;
import io.micronaut.core.annotation.Internal;
import java.util.List;

/**
 * The tools as function definitions for language-model APIs: each tool's name, description and its
 * argument schema, unchanged, in the wrapper the target expects.
 */
@Internal
public final class FunctionFormats {

    private FunctionFormats() {}

    /**
     * OpenAI function-calling tool definitions: {@code [{"type": "function", "function": {name,
     * description, parameters}}]}.
     *
     * @param tools the descriptors
     * @return a new array, in the order given
     */
    public static ArrayNode openAi(List<ToolDescriptor> tools) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (ToolDescriptor tool : tools) {
            ObjectNode function = array.addObject().put("type", "function").putObject("function");
            function.put("name", tool.name()).put("description", tool.description());
            function.set("parameters", tool.params().deepCopy());
        }
        return array;
    }

    /**
     * The result of an MCP {@code tools/list} request: {@code {"tools": [{name, description,
     * inputSchema, outputSchema}]}}, {@code outputSchema} where every call answers an object it describes
     * (MCP asks for an object schema there), as the MCP server lists them.
     *
     * @param tools the tools
     * @return a new object, tools in the order given
     */
    public static ObjectNode mcp(List<RegisteredTool> tools) {
        ObjectNode result = Json.MAPPER.createObjectNode();
        ArrayNode array = result.putArray("tools");
        for (RegisteredTool tool : tools) {
            ObjectNode entry = array.addObject().put("name", tool.name()).put("description", tool.description());
            entry.set("inputSchema", tool.descriptor().params().deepCopy());
            ObjectNode output = tool.structuredResultSchema();
            if (output != null) {
                entry.set("outputSchema", output.deepCopy());
            }
        }
        return result;
    }
}
