package dev.toolwire.redis;

import dev.toolwire.runtime.invoke.ToolOutcome;
import java.nio.charset.StandardCharsets;

/**
 * A call's outcome as one Redis string: {@code O<status>|<code>|<retry-after>|<body>}, the body
 * being the exact UTF-8 JSON the first call answered.
 */
final class OutcomeCodec {

    private OutcomeCodec() {}

    static String encode(ToolOutcome outcome) {
        return "O" + outcome.status() + "|" + (outcome.code() == null ? "" : outcome.code()) + "|"
                + outcome.retryAfterSeconds() + "|" + new String(outcome.body(), StandardCharsets.UTF_8);
    }

    static ToolOutcome decode(String value) {
        int first = value.indexOf('|');
        int second = value.indexOf('|', first + 1);
        int third = value.indexOf('|', second + 1);
        if (!value.startsWith("O") || first < 0 || second < 0 || third < 0) {
            throw new IllegalArgumentException("Not a stored outcome");
        }
        String code = value.substring(first + 1, second);
        return new ToolOutcome(Integer.parseInt(value.substring(1, first)), code.isEmpty() ? null : code,
                value.substring(third + 1).getBytes(StandardCharsets.UTF_8),
                Integer.parseInt(value.substring(second + 1, third)));
    }
}
