package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.ToolContext;
import io.micronaut.core.annotation.Internal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ToolContext} of one call.
 *
 * @param requestId the request id
 * @param toolName the tool name
 * @param headers the request headers with lower-case names
 * @param subjectValue the authenticated subject, or {@code null}
 * @param deadline when the caller stops waiting
 */
@Internal
public record DefaultToolContext(
        String requestId, String toolName, Map<String, List<String>> headers, @Nullable String subjectValue, Instant deadline)
        implements ToolContext {

    /**
     * Normalises the header names to lower case and copies the map.
     *
     * @param requestId the request id
     * @param toolName the tool name
     * @param headers the request headers
     * @param subjectValue the subject, or {@code null}
     * @param deadline the deadline
     */
    public DefaultToolContext {
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.merge(k.toLowerCase(Locale.ROOT), List.copyOf(v), (a, b) -> {
            List<String> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        headers = java.util.Collections.unmodifiableMap(lower);
    }

    @Override
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public Optional<String> subject() {
        return Optional.ofNullable(subjectValue);
    }
}
