package dev.toolwire.runtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The shared-secret header of {@code HEADER} tools ({@code toolwire.auth.header.*}).
 *
 * @param name {@code toolwire.auth.header.name}: the header callers send. Default {@code X-API-Key}.
 * @param values {@code toolwire.auth.header.values}: the accepted values, compared in constant time;
 *     the first is the one published to platforms, the others stay valid while a key is rotated.
 *     Empty by default.
 */
@ConfigurationProperties(HeaderAuthConfiguration.PREFIX)
public record HeaderAuthConfiguration(
        @Bindable(defaultValue = "X-API-Key") String name, @Nullable List<String> values) {

    /** The property prefix, {@value}. */
    public static final String PREFIX = "toolwire.auth.header";

    /** Masks the accepted values: they are keys. */
    @Override
    public String toString() {
        return "HeaderAuthConfiguration[name=" + name + ", values=" + (values == null ? "unset" : values.size() + " x ****")
                + "]";
    }
}
