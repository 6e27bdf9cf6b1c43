package dev.toolwire.annotations;

/** How callers of a tool must authenticate. */
public enum AuthMode {
    /** Use the application-wide mode configured with {@code toolwire.auth.default} ({@code jwt} unless set). */
    DEFAULT,
    /** {@code Authorization: Bearer <jwt>} with the tool in the token's {@code scope}. */
    JWT,
    /** A shared secret in a configured header ({@code X-API-Key} unless set). */
    HEADER,
    /** No authentication. Only for tools that are safe to expose to anyone on the internet. */
    NONE
}
