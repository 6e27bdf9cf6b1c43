package dev.toolwire.annotations;

/**
 * The HTTP method a tool is served on, and the {@code methodType} Hamsa uses to call it.
 *
 * <p>For {@link #GET} and {@link #DELETE} tools, arguments usually travel in the path and the query
 * string; for the others, in a JSON object body. The runtime accepts all three for every method.
 */
public enum HttpMethod {
    /** Read-only lookups. */
    GET,
    /** The default: actions and lookups with a JSON body. */
    POST,
    /** Full replacement of a resource. */
    PUT,
    /** Partial update of a resource. */
    PATCH,
    /** Removal or cancellation of a resource. */
    DELETE
}
