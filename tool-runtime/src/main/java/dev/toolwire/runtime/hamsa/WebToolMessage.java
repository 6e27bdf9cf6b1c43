package dev.toolwire.runtime.hamsa;

import io.micronaut.core.annotation.Internal;
import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/**
 * A sentence the agent says around a tool call.
 *
 * @param type {@code REQUEST_START} or {@code REQUEST_COMPLETE} (unique within a tool)
 * @param content what is said
 */
@Internal
@Serdeable
public record WebToolMessage(@Nullable String type, @Nullable String content) {}
