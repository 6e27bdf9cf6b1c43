package dev.toolwire.runtime.invoke;

import dev.toolwire.runtime.ToolContext;
import io.micronaut.core.annotation.Internal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ToolContext} of one call. The headers are copied (names in lower case) only when the
 * tool first asks for one: most tools never do.
 */
@Internal
public final class DefaultToolContext implements ToolContext {

    private final String requestId;
    private final String toolName;
    private final Supplier<Map<String, List<String>>> headerSource;
    private final @Nullable String subject;
    private final Instant deadline;
    private volatile @Nullable Map<String, List<String>> headers;

    /**
     * Creates the context.
     *
     * @param requestId the request id
     * @param toolName the tool name
     * @param headerSource the request headers the tool may see, read at most once, on first use
     * @param subject the authenticated subject, or {@code null}
     * @param deadline when the caller stops waiting
     */
    public DefaultToolContext(String requestId, String toolName, Supplier<Map<String, List<String>>> headerSource,
            @Nullable String subject, Instant deadline) {
        this.requestId = requestId;
        this.toolName = toolName;
        this.headerSource = headerSource;
        this.subject = subject;
        this.deadline = deadline;
    }

    @Override
    public String requestId() {
        return requestId;
    }

    @Override
    public String toolName() {
        return toolName;
    }

    @Override
    public Optional<String> header(String name) {
        List<String> values = headers().get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public Map<String, List<String>> headers() {
        Map<String, List<String>> result = headers;
        if (result == null) {
            result = lowerCased(headerSource.get());
            headers = result;
        }
        return result;
    }

    @Override
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.merge(k.toLowerCase(Locale.ROOT), List.copyOf(v), (a, b) -> {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        return Collections.unmodifiableMap(lower);
    }
}
