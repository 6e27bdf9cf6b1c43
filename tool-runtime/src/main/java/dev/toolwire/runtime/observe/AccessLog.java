package dev.toolwire.runtime.observe;

import dev.toolwire.runtime.AccessLogConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Internal;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one {@code key=value} line per tool call at INFO on the logger {@value #LOGGER}, e.g.
 * {@code tool=lookup_customer method=POST path=/customers/lookup status=200 outcome=ok
 * duration_ms=1.42 request_id=4f0c… subject=agent-7 args={phone_number=***}}; a call refused for its
 * credentials also has {@code reason=expired} (or another of the authenticator's reasons) before
 * {@code args}, which the response never tells the caller. Argument values are
 * redacted unless listed in {@code toolwire.access-log.logged-arguments}; the path is the route
 * template, so path arguments do not leak through it; headers and credentials are never read.
 */
@Singleton
@Internal
@Requires(property = AccessLogConfiguration.PREFIX + ".enabled", notEquals = "false")
public final class AccessLog implements ToolCallListener {

    /** The logger's name: route it to its own appender, or silence it, in the logging configuration. */
    public static final String LOGGER = "dev.toolwire.access";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    /** The arguments whose values may be logged, by tool: {@code tool.arg} entries, split once. */
    private final Map<String, Set<String>> loggedArguments;

    AccessLog(AccessLogConfiguration configuration) {
        this.loggedArguments = byTool(configuration.loggedArguments());
    }

    @Override
    public void onCall(ToolCallRecord call) {
        if (LOG.isInfoEnabled()) {
            LOG.info(line(call));
        }
    }

    String line(ToolCallRecord call) {
        StringBuilder line = new StringBuilder(160)
                .append("tool=").append(call.tool())
                .append(" method=").append(call.method())
                .append(" path=").append(LogValues.safe(call.path()))
                .append(" status=").append(call.status())
                .append(" outcome=").append(call.outcome().tag())
                .append(" duration_ms=");
        appendMillis(line, call.durationNanos());
        line.append(" request_id=").append(LogValues.safe(call.requestId()))
                .append(" subject=").append(call.subject() == null ? "-" : LogValues.safe(call.subject()));
        if (call.refusal() != null) {
            line.append(" reason=").append(LogValues.safe(call.refusal()));
        }
        line.append(" args=");
        if (call.arguments() == null) {
            return line.append('-').toString();
        }
        return LogValues.appendArguments(line, call.arguments(), loggedArguments.getOrDefault(call.tool(), Set.of())).toString();
    }

    /**
     * Splits {@code tool.arg} entries at every dot, so a tool or argument name with dots still matches
     * exactly the entry {@code tool + "." + arg} it was written as.
     */
    private static Map<String, Set<String>> byTool(Collection<String> entries) {
        Map<String, Set<String>> byTool = new HashMap<>();
        for (String entry : entries) {
            for (int dot = entry.indexOf('.'); dot >= 0; dot = entry.indexOf('.', dot + 1)) {
                byTool.computeIfAbsent(entry.substring(0, dot), tool -> new HashSet<>()).add(entry.substring(dot + 1));
            }
        }
        return byTool;
    }

    /** Appends nanoseconds as milliseconds with three decimals, without {@code String.format}'s cost. */
    static void appendMillis(StringBuilder line, long nanos) {
        long micros = Math.max(0, nanos) / 1000;
        long fraction = micros % 1000;
        line.append(micros / 1000).append('.');
        if (fraction < 100) {
            line.append(fraction < 10 ? "00" : "0");
        }
        line.append(fraction);
    }
}
