package dev.toolwire.testing;

/** How a masking server shows credentials: the scheme of a bearer token survives, nothing else. */
final class Secrets {

    static final String MASK = "****";

    private Secrets() {}

    static String maskToken(String token) {
        return token.startsWith("Bearer ") ? "Bearer " + MASK : MASK;
    }
}
