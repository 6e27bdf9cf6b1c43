package dev.toolwire.runtime.hamsa;

import io.micronaut.core.annotation.Internal;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code POST /v1/voice-agents/web-tool/toggle-activation}. Hamsa does not document
 * this body (hamsa-api.md §3.7, §9); {@code {id, isActive}} is a guess by analogy with the
 * knowledge-base toggle, sending the wanted state rather than relying on a blind flip.
 *
 * @param id the web tool's id
 * @param isActive the state wanted
 */
@Internal
@Serdeable
public record ToggleActivationBody(String id, boolean isActive) {}
