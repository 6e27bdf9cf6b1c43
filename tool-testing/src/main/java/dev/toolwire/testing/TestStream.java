package dev.toolwire.testing;

/**
 * How a {@link FakeHamsa} streams the answer of {@code POST /v1/voice-agents/web-tool/test-api-tool}
 * ({@link FakeHamsa#testStream(TestStream)}). Hamsa documents only the stream's first event, {@code
 * {"event": "attempt", "data": {"message": "Starting API test..."}}}; the later events ({@code
 * response} with {@code {statusCode, responseTimeMs, body}} then {@code complete} with {@code
 * {success}}, or {@code error} with {@code {message}} then {@code complete}) and the framing are
 * guesses, so a client should be tested against each format.
 */
public enum TestStream {
    /**
     * Server-Sent Events ({@code text/event-stream}, the default): each event {@code event: <name>\n
     * data: <json>\n\n}.
     */
    SSE,
    /** One JSON object {@code {"event": <name>, "data": {...}}} per line ({@code application/x-ndjson}). */
    NDJSON,
    /** The same objects as {@link #NDJSON} in one JSON array ({@code application/json}). */
    JSON_ARRAY,
    /**
     * Server-Sent Events that never tell the outcome: the {@code attempt} event, then {@code event:
     * done} with {@code data: {}}. A client must report the result as unknown.
     */
    OPAQUE
}
