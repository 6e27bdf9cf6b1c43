package dev.toolwire.processor;

/**
 * The catalogue of generator diagnostics. Each ID is stable: it starts the message and is what
 * {@code @SuppressWarnings("toolwire:<id>")} names. {@code tool-annotations/README.md} renders this
 * enum as a table.
 */
enum ErrorId {
    /** A {@code @Tool} method is private; the runtime cannot invoke it. */
    ToolMethodPrivate,
    /** A {@code @Tool} method is static; tools are invoked on a bean instance. */
    ToolMethodStatic,
    /** A {@code @Tool} method declares type parameters; its schema would be unknown. */
    ToolMethodGeneric,
    /** A {@code @Tool} method is declared in a non-static inner class, which cannot be a bean. */
    ToolEnclosingType,
    /** A tool name does not match {@code ^[a-zA-Z0-9_-]{1,64}$}. */
    ToolNameInvalid,
    /** Two tools in one compilation have the same name. */
    ToolNameDuplicate,
    /** Two parameters (or two properties of one object) have the same wire name. */
    ToolParamNameDuplicate,
    /** A parameter or property has a type with no JSON Schema mapping. */
    ToolParamTypeUnsupported,
    /** A parameter type contains itself, so its schema could not be inlined. */
    ToolParamTypeRecursive,
    /** A record or class used as an argument lacks {@code @Serdeable}, so it cannot be deserialized. */
    ToolParamTypeNotSerdeable,
    /** A {@code @ToolParam(defaultValue)} does not parse as the argument's type, or the type cannot have one. */
    ToolParamDefaultInvalid,
    /** A {@code @ToolParam(example)} does not parse as the argument's type, or the type cannot have one. */
    ToolParamExampleInvalid,
    /** A tool path does not start with '/', has characters outside the allowed set, or unbalanced braces. */
    ToolPathInvalid,
    /** A path placeholder names no parameter. */
    ToolPathPlaceholderUnknown,
    /** A path placeholder binds to a parameter that is not a scalar, enum, UUID or date. */
    ToolPathParamTypeUnsupported,
    /** {@code @Tool(timeoutSeconds)} is less than 1. */
    ToolTimeoutInvalid,
    /** {@code @Job(acknowledgeWithinSeconds)} is not between 1 and the tool's timeout, or {@code retainMinutes} is less than 1. */
    ToolJobSettingsInvalid,
    /** A job tool's status tool name, {@code <name>_status}, would be longer than 64 characters. */
    ToolJobStatusNameInvalid,
    /** A job tool's status tool name, {@code <name>_status}, is already the name of another tool. */
    ToolJobStatusNameDuplicate,
    /** {@code @Idempotent(windowSeconds)} is less than 1. */
    ToolDeduplicationWindowInvalid,
    /** {@code @Job} or {@code @Idempotent} is on a method without {@code @Tool}, where it would do nothing. */
    ToolAnnotationMissing,
    /** Warning: a tool has neither {@code @Tool(description)} nor Javadoc. */
    ToolDescriptionMissing,
    /** The generator failed unexpectedly; this is a bug in Toolwire. */
    ToolInternalError
}
