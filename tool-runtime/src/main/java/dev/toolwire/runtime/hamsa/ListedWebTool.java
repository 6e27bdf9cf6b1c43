package dev.toolwire.runtime.hamsa;

import io.micronaut.core.annotation.Internal;
import org.jspecify.annotations.Nullable;

/**
 * One item of Hamsa's web-tool list: a version of a tool that could be read, or one that could not.
 * Both carry what is needed to group versions of one tool ({@link #identity()}) and find the newest.
 */
@Internal
public sealed interface ListedWebTool permits RemoteWebTool, UnreadableWebTool {

    /**
     * The record id of this version.
     *
     * @return the id, or null when the item had none
     */
    @Nullable String id();

    /**
     * The id every version of the tool shares.
     *
     * @return the persistent id, or null when the item had none
     */
    @Nullable String persistentId();

    /**
     * The version number.
     *
     * @return the version, or null when the item had none
     */
    @Nullable Integer version();

    /**
     * The tool name.
     *
     * @return the name, or null when the item had none
     */
    @Nullable String name();

    /**
     * When this version was last changed, as Hamsa wrote it; only used to order versions.
     *
     * @return the timestamp text, or null
     */
    @Nullable String updatedAt();

    /**
     * What all versions of one tool share: the persistent id, else the id.
     *
     * @return the identity, or null when the item had neither
     */
    default @Nullable String identity() {
        return persistentId() != null ? persistentId() : id();
    }
}
