package dev.toolwire.processor;

import java.util.Map;

/**
 * One Java parameter of a tool method, as the runtime must supply it ({@code invocation.parameters}).
 *
 * @param context whether this is a {@code ToolContext} supplied by the runtime rather than an argument
 * @param javaType the erased type as {@code Class.getTypeName()} prints it
 * @param wireName the argument's wire name, or {@code null} for a context parameter
 * @param binding the binding tree, or {@code null} for a context parameter
 */
record ParamModel(boolean context, String javaType, String wireName, Map<String, Object> binding) {}
